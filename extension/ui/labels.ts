import type { AskStatus, Importance } from '../../shared/asks.ts';

/** How a status reads on a pill. */
export const statusLabel: Record<AskStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  waiting_on_requester: 'Waiting on requester',
  resolved: 'Resolved',
  declined: 'Declined',
};

/** The button that moves an ask to a status. */
export const transitionLabel: Record<AskStatus, string> = {
  open: 'Reopen',
  acknowledged: 'Acknowledge',
  in_progress: 'Start',
  waiting_on_requester: 'Ask requester',
  resolved: 'Resolve',
  declined: 'Decline',
};

/** What a status change reads like in the timeline, after the actor's name. */
export const transitionVerb: Record<AskStatus, string> = {
  open: 'reopened it',
  acknowledged: 'acknowledged it',
  in_progress: 'started work',
  waiting_on_requester: 'asked the requester for more',
  resolved: 'resolved it',
  declined: 'declined it',
};

export const importanceLabel: Record<Importance, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const importanceOrder: Importance[] = ['low', 'normal', 'high', 'urgent'];
