import type { InferRequestType, InferResponseType } from 'hono/client';
import { unwrap } from './api.ts';
import { type Client, makeClient } from './client.ts';
import type { StoredSession } from './storage.ts';

export type MyPulsesResult = InferResponseType<Client['v1']['pulses']['mine']['$get'], 200>;
export type PendingPulse = MyPulsesResult['pending'][number];
export type PulseChanges = MyPulsesResult['changes'][number];
export type PulseResultsReady = MyPulsesResult['results'][number];
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

export type PulsesResult = InferResponseType<Client['v1']['pulses']['$get'], 200>;
export type PulseItem = PulsesResult['pulses'][number];
export type OpenPulseInput = InferRequestType<Client['v1']['pulses']['$post']>['json'];
export type PulseResultsResult = InferResponseType<Client['v1']['pulses'][':id']['results']['$get'], 200>;
export type DepartmentPulseResult = PulseResultsResult['departments'][number];
type ActionsRoute = Client['v1']['pulses'][':id']['departments'][':departmentId']['actions'];
export type PulseActionsInput = InferRequestType<ActionsRoute['$put']>['json'];
export type PulseActionsResult = InferResponseType<ActionsRoute['$put'], 200>;

/** The managers' page's pulse calls: open, close, stop repeating, read results, record changes. */
export function pulseAdminApi(session: Pick<StoredSession, 'serverUrl' | 'token'>) {
  const c = makeClient(session.serverUrl, session.token);
  const pulse = c.v1.pulses[':id'];
  return {
    list: () => unwrap<PulsesResult>(c.v1.pulses.$get()),
    open: (json: OpenPulseInput, key: string) =>
      unwrap<PulseItem>(c.v1.pulses.$post({ json, header: { 'idempotency-key': key } })),
    close: (id: string) => unwrap<PulseItem>(pulse.close.$post({ param: { id } })),
    setRepeat: (id: string, repeat: PulseItem['repeat']) =>
      unwrap<PulseItem>(pulse.$patch({ param: { id }, json: { repeat } })),
    results: (id: string) => unwrap<PulseResultsResult>(pulse.results.$get({ param: { id }, query: {} })),
    setActions: (id: string, departmentId: string, json: PulseActionsInput) =>
      unwrap<PulseActionsResult>(
        pulse.departments[':departmentId'].actions.$put({ param: { id, departmentId }, json }),
      ),
  };
}
export type PulseAdminApi = ReturnType<typeof pulseAdminApi>;
