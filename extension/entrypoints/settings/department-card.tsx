import { Building2, Pencil } from 'lucide';
import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../../ui/icon.tsx';
import type { DepartmentItem } from '../../utils/api.ts';
import { hoursText } from '../../utils/business-hours.ts';

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
            <span class="department-name">{d.name}</span>{' '}
            <span class="hint">{`${d.memberCount} ${d.memberCount === 1 ? 'member' : 'members'}`}</span>
          </span>
        </h3>
        <button ref={button} type="button" class="small" aria-label={`Edit ${d.name}`} onClick={edit}>
          <Icon node={Pencil} size={14} />
          <span>Edit</span>
        </button>
      </div>
      <dl class="facts">
        <dt>Offers</dt>
        <dd>
          {d.offers.length ? (
            <ul class="chips">
              {d.offers.map((o) => (
                <li class="chip" key={o}>
                  {o}
                </li>
              ))}
            </ul>
          ) : (
            <span class="muted">Nothing listed</span>
          )}
        </dd>
        <dt>Standard</dt>
        <dd>
          {`First response within ${d.standard.firstResponseHours} business hours, resolved within ${d.standard.resolutionHours}`}
        </dd>
        <dt>Hours</dt>
        <dd>{hoursText(d.hours)}</dd>
      </dl>
    </article>
  );
}
