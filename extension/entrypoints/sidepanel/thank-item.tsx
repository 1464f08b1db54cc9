import { Lock } from 'lucide';
import { i18n } from '#i18n';
import type { Thank } from '../../../shared/thanks.ts';
import { Icon } from '../../ui/icon.tsx';
import { Time } from './ask-time.tsx';

/** A thank-you received: message, who from, when, its values (by their current names, retired ones too) and whether it is private. */
export function ThankItem({ thank }: { thank: Thank }) {
  const isPrivate = thank.visibility === 'private';
  return (
    <li class="item">
      <p class="item-title item-message" translate={false}>
        {thank.message}
      </p>
      <p class="item-meta">
        <span>{i18n.t('panel.lists.from', [thank.from.name])}</span>
        {thank.to.some((t) => t.kind === 'department')
          ? i18n.t('panel.lists.toMany', [thank.to.map((t) => t.name).join(', ')])
          : null}
        {' · '}
        <Time iso={thank.createdAt} />
      </p>
      {thank.values.length || isPrivate ? (
        <div class="chip-row">
          {thank.values.map((name) => (
            <span key={name} class="pill pill-value" translate={false}>
              {name}
            </span>
          ))}
          {isPrivate ? (
            <span class="pill pill-private">
              <Icon node={Lock} size={12} />
              {i18n.t('panel.lists.private')}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
