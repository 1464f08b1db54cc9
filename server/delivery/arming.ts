import type { LedgerOp } from '../core/remote.ts';

/** Commands after which a webhook delivery may be due at once: the loop (Node) or the alarm (Worker) looks again. */
export const deliveryArming = new Set<LedgerOp>([
  'createThank',
  'createAsk',
  'transitionAsk',
  'forwardAsk',
  'replyToAsk',
  'assignAsk',
  'resendDelivery',
  'testWebhook',
  'updateWebhook',
  'chooseDigest',
  'updateSettings',
]);
