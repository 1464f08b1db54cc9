import { Building2, Pencil } from 'lucide';
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import type { DepartmentItem } from '../../utils/api.ts';
import { hoursText } from '../../utils/business-hours.ts';
import { num } from '../../utils/format.ts';

interface DepartmentCardProps {
  department: DepartmentItem;
  edit(): void;
  /** Changes (to a new non-zero number) when the Edit button should take focus again. */
  focusToken?: number;
}

/** One department at a glance: members, what it offers, its service standard and business hours. */
export function DepartmentCard({ department: d, edit, focusToken = 0 }: DepartmentCardProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusToken) button.current?.focus();
  }, [focusToken]);
  const headingId = `department-${d.id}-heading`;
  return (
    <article class="card department" data-department-id={d.id} aria-labelledby={headingId}>
      <div class="card-header">
        <h3 id={headingId}>
          <span class="title-icon">
            <Icon node={Building2} />
          </span>
          {/* One run of text, so the count follows a long name as it wraps. */}
          <span class="department-title">
            <span class="department-name" translate={false}>
              {d.name}
            </span>{' '}
            <span class="hint">{i18n.t('settings.departmentCard.members', d.memberCount, [num(d.memberCount)])}</span>
          </span>
        </h3>
        <button
          ref={button}
          type="button"
          class="small"
          aria-label={i18n.t('settings.common.editNamed', [d.name])}
          onClick={edit}
        >
          <Icon node={Pencil} size={14} />
          <span>{i18n.t('settings.common.edit')}</span>
        </button>
      </div>
      <dl class="facts">
        <dt>{i18n.t('settings.departmentCard.offers')}</dt>
        <dd>
          {d.offers.length ? (
            <ul class="chips" translate={false}>
              {d.offers.map((o) => (
                <li class="chip" key={o}>
                  {o}
                </li>
              ))}
            </ul>
          ) : (
            <span class="muted">{i18n.t('settings.departmentCard.nothingListed')}</span>
          )}
        </dd>
        <dt>{i18n.t('settings.departmentCard.standard')}</dt>
        <dd>
          {i18n.t('settings.departmentCard.standardText', d.standard.firstResponseHours, [
            num(d.standard.firstResponseHours),
            num(d.standard.resolutionHours),
          ])}
        </dd>
        <dt>{i18n.t('settings.departmentCard.hours')}</dt>
        <dd>{hoursText(d.hours)}</dd>
      </dl>
    </article>
  );
}
