import { afterPaint } from './schedule.ts';

/**
 * User Timing marks at the moments a person can start working: read by bench/capture.ts from the
 * panel's own timeline (performance.timeOrigin + startTime is wall-clock time), so the figures carry
 * no test-harness overhead. Marked after the next frame, so style, layout and paint are counted too.
 */
/** `inbox-seen`: the inbox as last seen, painted before the server's answer (a reopened panel). */
export type Moment = 'composer-ready' | 'inbox-ready' | 'inbox-seen';

export function mark(moment: Moment): void {
  afterPaint(() => performance.mark(`tandem:${moment}`));
}

/** The panel's script has run, every module evaluated, before any stored or fetched data: what loading its code costs. */
export const markScriptReady = (): void => void performance.mark('tandem:script-ready');

/** The panel's first script has asked for the inbox (utils/early-inbox.ts): the views take that answer. */
export const markInboxAsked = (): void => void performance.mark('tandem:inbox-asked');
