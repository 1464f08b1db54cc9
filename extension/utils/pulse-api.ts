import type { InferRequestType, InferResponseType } from 'hono/client';
import { type Client, makeClient, unwrap } from './api.ts';
import type { StoredSession } from './storage.ts';

export type MyPulsesResult = InferResponseType<Client['v1']['pulses']['mine']['$get'], 200>;
export type PendingPulse = MyPulsesResult['pending'][number];
export type PulseChanges = MyPulsesResult['changes'][number];
export type PulseAnswerInput = InferRequestType<Client['v1']['pulses'][':id']['responses']['$post']>['json'];

/**
 * The panel's pulse calls. Apart from api.ts so they load with import() after the inbox settles, never in the
 * panel's first script (its size budget has no room for them).
 */
export function pulseApi(session: Pick<StoredSession, 'serverUrl' | 'token'>) {
  const c = makeClient(session.serverUrl, session.token);
  return {
    /** The pulse cards waiting for me, and what departments changed after pulses I was asked in. */
    mine: () => unwrap<MyPulsesResult>(c.v1.pulses.mine.$get()),
    answer: (id: string, json: PulseAnswerInput, key: string) =>
      unwrap<unknown>(c.v1.pulses[':id'].responses.$post({ param: { id }, json, header: { 'idempotency-key': key } })),
    skip: (id: string, departmentId: string) =>
      unwrap<{ remindAt: string | null }>(c.v1.pulses[':id'].skip.$post({ param: { id }, json: { departmentId } })),
  };
}
export type PulseApi = ReturnType<typeof pulseApi>;
