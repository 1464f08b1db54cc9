import { Eye } from 'lucide';
import type { SimilarAsk } from '../../shared/asks.ts';
import { relativeTime } from '../utils/time.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { statusLabel } from './labels.ts';

export interface DuplicateChoice {
  follow(similar: SimilarAsk): Promise<void>;
  sendAnyway(): Promise<void>;
}

/**
 * "There is already an open ask…": the requester follows the existing one, or sends theirs anyway.
 * Nothing was created yet, so either choice is safe.
 */
export function duplicateNotice() {
  const el = h('div', { class: 'notice', id: 'duplicate-notice', hidden: true });

  return {
    el,
    show(similar: SimilarAsk, choice: DuplicateChoice) {
      const busy = (on: boolean) => {
        for (const b of el.querySelectorAll('button')) b.disabled = on;
      };
      const act = (fn: () => Promise<void>) => () => {
        busy(true);
        void fn().finally(() => busy(false));
      };
      const follow = h(
        'button',
        { type: 'button', class: 'primary', onclick: act(() => choice.follow(similar)) },
        icon(Eye),
        h('span', null, 'Follow it'),
      );
      replace(
        el,
        h(
          'p',
          { role: 'alert' },
          `There is already an open ask to ${similar.to.name} about this page (opened ${relativeTime(similar.createdAt)}).`,
        ),
        similar.subject
          ? h('p', { class: 'notice-subject' }, `“${similar.subject}” · ${statusLabel[similar.status]}`)
          : null,
        h(
          'div',
          { class: 'notice-actions' },
          h('button', { type: 'button', onclick: act(choice.sendAnyway) }, 'Send mine anyway'),
          follow,
        ),
      );
      el.hidden = false;
      follow.focus();
    },
    hide() {
      el.hidden = true;
      replace(el);
    },
  };
}
