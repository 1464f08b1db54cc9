import * as z from 'zod';
import {
  myPulsesSchema,
  openPulseSchema,
  pulseActionItemSchema,
  pulseActionsSchema,
  pulseAnsweredSchema,
  pulseResponseSchema,
  pulseResultsQuerySchema,
  pulseResultsSchema,
  pulseSkippedSchema,
  pulseSkipSchema,
  pulseSummarySchema,
  pulsesSchema,
  updatePulseSchema,
} from '../../../shared/pulses.ts';
import type { Operation } from './operations.ts';

const tag = 'Pulses';
const summaryAnswer = { 200: { description: 'The pulse', schema: pulseSummarySchema } };

/** Department pulses: expectation against perception per dimension, anonymous, with "you said, we did". */
export const pulsesOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/pulses',
    summary:
      'Pulses, newest first: every one for managers and admins, those of their departments for others. ' +
      'Respondent counts only once a pulse has closed',
    tag,
    responses: { 200: { description: 'Pulses', schema: pulsesSchema } },
  },
  {
    method: 'post',
    path: '/v1/pulses',
    summary:
      'Open a pulse now for one or more departments, asking everyone outside each department or who asked it ' +
      'something in the last N days; quarterly opens it again every three months (managers and admins)',
    tag,
    idempotent: true,
    body: openPulseSchema,
    responses: { 201: { description: 'Opened', schema: pulseSummarySchema } },
  },
  {
    method: 'get',
    path: '/v1/pulses/mine',
    summary:
      'The side panel’s cards: open pulses asking me about a department I have not answered or skipped (a ' +
      'skipped card comes back once, as a reminder), and recent changes departments recorded after pulses that asked me',
    tag,
    responses: { 200: { description: 'My pulses', schema: myPulsesSchema } },
  },
  {
    method: 'patch',
    path: '/v1/pulses/{id}',
    summary: 'Stop (none) or restart (quarterly) a pulse’s repeat (managers and admins)',
    tag,
    body: updatePulseSchema,
    responses: summaryAnswer,
  },
  {
    method: 'post',
    path: '/v1/pulses/{id}/close',
    summary:
      'Close a pulse now; its results show from the organisation’s threshold of respondents up (managers and admins)',
    tag,
    responses: summaryAnswer,
  },
  {
    method: 'post',
    path: '/v1/pulses/{id}/responses',
    summary:
      'Answer a pulse about one department, anonymously: stored without person or time; a retry with the same ' +
      'Idempotency-Key answers the same, a second answer is refused (409)',
    tag,
    idempotent: true,
    body: pulseResponseSchema,
    responses: { 201: { description: 'Recorded', schema: pulseAnsweredSchema } },
  },
  {
    method: 'post',
    path: '/v1/pulses/{id}/skip',
    summary: 'Skip a card: it comes back once (remindAt); skipping the reminder dismisses it',
    tag,
    body: pulseSkipSchema,
    responses: { 200: { description: 'Skipped', schema: pulseSkippedSchema } },
  },
  {
    method: 'get',
    path: '/v1/pulses/{id}/results',
    summary:
      'Results per department and dimension (expectation, perception, gap, spread), the gap over past pulses, ' +
      'per-ask ratings and changes: after close and from the threshold up only; managers and admins see every ' +
      'department, members their own',
    tag,
    query: pulseResultsQuerySchema,
    responses: { 200: { description: 'Results', schema: pulseResultsSchema } },
  },
  {
    method: 'put',
    path: '/v1/pulses/{id}/departments/{departmentId}/actions',
    summary:
      'Record up to three changes the department makes after a closed pulse, each with an owner and a date ' +
      '(the department’s manager or an admin)',
    tag,
    body: pulseActionsSchema,
    responses: {
      200: { description: 'The changes', schema: z.object({ actions: z.array(pulseActionItemSchema) }) },
    },
  },
];
