import { type AskDetail, type AskStatus, transitionSchema } from '../../shared/asks.ts';
import { limits } from '../../shared/limits.ts';
import type { Department } from '../../shared/people.ts';
import { field } from './field.ts';
import { forwardForm } from './forward-form.ts';
import { h, replace, uid } from './h.ts';
import { transitionLabel } from './labels.ts';

/** The order buttons appear in; the first one (but Reopen) is the natural next step. */
const order: AskStatus[] = ['acknowledged', 'in_progress', 'resolved', 'waiting_on_requester', 'open', 'declined'];

export interface ActionHandlers {
  transition(status: AskStatus, reason?: string): Promise<void>;
  assign(assigneeId: string | null): Promise<void>;
  forward(departmentId: string, name: string, note: string): Promise<void>;
  departments(): Promise<Department[]>;
}

/**
 * What the reader may do, and nothing else: status buttons with human labels, Decline asking for a
 * reason inline, "Assign to", and forwarding. Kept across re-renders so typed text survives polling.
 */
export function askActions(on: ActionHandlers) {
  const id = uid('actions');
  const buttons = h('div', { class: 'action-row' });
  const reason = h('textarea', { id: `${id}-reason`, rows: 2, maxlength: limits.reply });
  const reasonField = field('Reason for declining', reason, h('p', { class: 'hint' }, 'The requester sees this.'));
  const cancel = h('button', { type: 'button', onclick: () => closeDecline(true) }, 'Cancel');
  const confirm = h('button', { type: 'submit', class: 'danger' }, 'Decline ask');
  const decline = h(
    'form',
    { class: 'decline', hidden: true, novalidate: true },
    reasonField.el,
    h('div', { class: 'action-row end' }, cancel, confirm),
  );
  const assignee = h('select', { id: `${id}-assignee` });
  const assign = field('Assign to', assignee);
  const forward = forwardForm(on.departments, on.forward);
  const manage = h('div', { class: 'manage' }, assign.el, forward.el);
  const el = h('div', { class: 'actions' }, buttons, decline);
  let declineButton: HTMLButtonElement | null = null;

  function closeDecline(refocus: boolean) {
    decline.hidden = true;
    reasonField.setError(null);
    if (declineButton) declineButton.hidden = false;
    if (refocus) declineButton?.focus();
  }

  decline.addEventListener('submit', (e) => {
    e.preventDefault();
    // The server's own rule: a reason of blanks or invisible characters says nothing.
    const parsed = transitionSchema.safeParse({ status: 'declined', reason: reason.value });
    if (!parsed.success) {
      reasonField.setError('Say why, so the requester knows what to do instead');
      return reason.focus();
    }
    confirm.disabled = true;
    on.transition('declined', parsed.data.reason)
      .then(() => {
        reason.value = '';
        closeDecline(false);
      })
      .catch(() => {})
      .finally(() => {
        confirm.disabled = false;
      });
  });
  assignee.addEventListener('change', () => {
    assignee.disabled = true;
    on.assign(assignee.value || null)
      .catch(() => {})
      .finally(() => {
        assignee.disabled = false;
      });
  });

  return {
    el,
    /** Assign and forward: for the department's members, below the ask. */
    manage,
    render({ ask, actions }: AskDetail, meId: string) {
      const allowed = order.filter((s) => actions.transitions.includes(s));
      // The requester may close their own ask, but that is not what the panel should nudge them to do.
      const primary = ask.requester.id === meId ? undefined : allowed.find((s) => s !== 'open' && s !== 'declined');
      declineButton = null;
      replace(
        buttons,
        allowed.map((status) => {
          const b = h(
            'button',
            {
              type: 'button',
              class: status === primary ? 'primary' : status === 'declined' ? 'danger-ghost' : null,
              'data-status': status,
              hidden: status === 'declined' && !decline.hidden,
              onclick: () => {
                if (status !== 'declined') return void on.transition(status).catch(() => {});
                b.hidden = true;
                decline.hidden = false;
                reason.focus();
              },
            },
            transitionLabel[status],
          );
          if (status === 'declined') declineButton = b;
          return b;
        }),
      );
      buttons.hidden = allowed.length === 0;
      if (!allowed.includes('declined')) closeDecline(false);

      assign.el.hidden = !actions.canAssign;
      if (actions.canAssign) {
        const people = [...actions.assignees];
        if (ask.assignee && !people.some((p) => p.id === ask.assignee?.id)) people.push(ask.assignee);
        replace(
          assignee,
          h('option', { value: '' }, 'Unassigned'),
          people.map((p) => h('option', { value: p.id }, p.name)),
        );
        assignee.value = ask.assignee?.id ?? '';
      }
      forward.el.hidden = !actions.canForward;
      if (actions.canForward) forward.setCurrent(ask.to.kind === 'department' ? ask.to.id : null);
      manage.hidden = !actions.canAssign && !actions.canForward;
      el.hidden = buttons.hidden && decline.hidden;
    },
    /** After an action, focus lands on the next natural step. */
    focusFirst(): boolean {
      const first = buttons.querySelector<HTMLElement>('button:not([hidden])');
      first?.focus();
      return !!first;
    },
  };
}
