import * as z from 'zod';
import {
  askDetailSchema,
  askSchema,
  assigneesQuerySchema,
  assigneesResponseSchema,
  assignSchema,
  createAskSchema,
  followSchema,
  forwardSchema,
  rateSchema,
  replySchema,
  similarAskSchema,
  similarQuerySchema,
  transitionSchema,
} from '../../../shared/asks.ts';
import { errorBodySchema } from '../../../shared/errors.ts';
import { eventsPageSchema, eventsQuerySchema } from '../../../shared/events.ts';
import { inboxSchema, queuesSchema, syncQuerySchema, syncSchema } from '../../../shared/inbox.ts';
import {
  departmentSchema,
  directoryQuerySchema,
  directoryResponseSchema,
  updateDepartmentSchema,
} from '../../../shared/people.ts';
import { screenshotSchema, uploadScreenshotSchema } from '../../../shared/screenshots.ts';
import { meSchema, sessionSchema, signInSchema, tokensSchema, updateMeSchema } from '../../../shared/session.ts';
import { settingsSchema, updateSettingsSchema } from '../../../shared/settings.ts';
import { createThankSchema, thankSchema } from '../../../shared/thanks.ts';

/** One API operation, described from the same zod schemas the routes validate with. */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  public?: boolean;
  /** An operator route: the deployment's SETUP_TOKEN instead of a person's token, and no rate limit. */
  setup?: boolean;
  idempotent?: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** `binary`: the response is bytes of these media types (an image), not JSON; `text`: other renderings. */
  responses: Record<number, { description: string; schema?: z.ZodType; binary?: string[]; text?: string[] }>;
}

const idParam = '{id}';
const detail = { 200: { description: 'The ask, its timeline and what the reader may do', schema: askDetailSchema } };

export const operations: Operation[] = [
  {
    method: 'post',
    path: '/v1/session',
    summary: 'Exchange a sign-in code for a bearer token',
    tag: 'Session',
    public: true,
    body: signInSchema,
    responses: { 201: { description: 'Signed in', schema: sessionSchema } },
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: 'Who I am',
    tag: 'Session',
    responses: { 200: { description: 'Me', schema: meSchema } },
  },
  {
    method: 'patch',
    path: '/v1/me',
    summary: 'My preferences: leave me off recognition boards',
    tag: 'Session',
    body: updateMeSchema,
    responses: { 200: { description: 'Me', schema: meSchema } },
  },
  {
    method: 'delete',
    path: '/v1/me/session',
    summary: 'Sign this browser out (revokes the token)',
    tag: 'Session',
    responses: { 204: { description: 'Signed out' } },
  },
  {
    method: 'get',
    path: '/v1/me/tokens',
    summary: 'Where I am signed in',
    tag: 'Session',
    responses: { 200: { description: 'My live tokens', schema: tokensSchema } },
  },
  {
    method: 'delete',
    path: `/v1/me/tokens/${idParam}`,
    summary: 'Revoke one of my tokens',
    tag: 'Session',
    responses: { 204: { description: 'Revoked' } },
  },
  {
    method: 'post',
    path: '/v1/me/sign-out-everywhere',
    summary: 'Revoke every token of mine',
    tag: 'Session',
    responses: { 200: { description: 'How many were revoked', schema: z.object({ revoked: z.number().int() }) } },
  },
  {
    method: 'get',
    path: '/v1/directory',
    summary: 'Search people and departments by the start of any word of their name',
    tag: 'Directory',
    query: directoryQuerySchema,
    responses: { 200: { description: 'Matches', schema: directoryResponseSchema } },
  },
  {
    method: 'get',
    path: '/v1/departments',
    summary: 'Departments with their catalogue, service standard and business hours',
    tag: 'Directory',
    responses: { 200: { description: 'Departments', schema: z.object({ departments: z.array(departmentSchema) }) } },
  },
  {
    method: 'patch',
    path: `/v1/departments/${idParam}`,
    summary: "Change a department's catalogue, standard or hours (admins)",
    tag: 'Directory',
    body: updateDepartmentSchema,
    responses: { 200: { description: 'The department', schema: departmentSchema } },
  },
  {
    method: 'post',
    path: '/v1/asks',
    summary: 'Ask a person or a department, with the page attached',
    tag: 'Asks',
    idempotent: true,
    body: createAskSchema,
    responses: {
      201: { description: 'Created', schema: askSchema },
      200: {
        description: 'Nothing created: an open ask to the same department about the same page exists',
        schema: z.object({ duplicateOf: similarAskSchema }),
      },
    },
  },
  {
    method: 'get',
    path: '/v1/asks/similar',
    summary: 'Open asks to a department about a page (the duplicate guard)',
    tag: 'Asks',
    query: similarQuerySchema,
    responses: { 200: { description: 'Similar asks', schema: z.object({ asks: z.array(similarAskSchema) }) } },
  },
  { method: 'get', path: `/v1/asks/${idParam}`, summary: 'An ask with its timeline', tag: 'Asks', responses: detail },
  {
    method: 'post',
    path: `/v1/asks/${idParam}/follow`,
    summary: 'Follow an open ask about the page you are on',
    tag: 'Asks',
    body: followSchema,
    responses: detail,
  },
  {
    method: 'post',
    path: `/v1/asks/${idParam}/status`,
    summary: 'Move an ask along its lifecycle (409 illegal_transition when not allowed)',
    tag: 'Asks',
    body: transitionSchema,
    responses: detail,
  },
  {
    method: 'post',
    path: `/v1/asks/${idParam}/replies`,
    summary: 'Reply on an ask',
    tag: 'Asks',
    idempotent: true,
    body: replySchema,
    responses: { 201: detail[200] },
  },
  {
    method: 'post',
    path: `/v1/asks/${idParam}/assign`,
    summary: 'Assign to a member of the department',
    tag: 'Asks',
    body: assignSchema,
    responses: detail,
  },
  {
    method: 'get',
    path: `/v1/asks/${idParam}/assignees`,
    summary: "Search who the ask may be assigned to: its department's active members, by name",
    tag: 'Asks',
    query: assigneesQuerySchema,
    responses: { 200: { description: 'Matching members, by name', schema: assigneesResponseSchema } },
  },
  {
    method: 'post',
    path: `/v1/asks/${idParam}/forward`,
    summary: 'Hand the ask to another department',
    tag: 'Asks',
    body: forwardSchema,
    responses: {
      200: {
        description: 'Forwarded',
        schema: z.object({ forwardedTo: z.object({ id: z.string(), name: z.string() }) }),
      },
    },
  },
  {
    method: 'post',
    path: `/v1/asks/${idParam}/rating`,
    summary: 'Rate a resolved ask and optionally thank whoever resolved it',
    tag: 'Asks',
    idempotent: true,
    body: rateSchema,
    responses: { 201: detail[200] },
  },
  {
    method: 'post',
    path: '/v1/screenshots',
    summary: 'Upload a screenshot of the visible tab, to attach to an ask as context.screenshot',
    tag: 'Asks',
    body: uploadScreenshotSchema,
    responses: {
      201: {
        description: 'Stored (named by the SHA-256 of its bytes; uploading it again is safe)',
        schema: screenshotSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/v1/asks/{id}/screenshot',
    summary: 'The screenshot attached to an ask, for its parties',
    tag: 'Asks',
    responses: { 200: { description: 'The image', binary: ['image/png', 'image/jpeg'] } },
  },
  {
    method: 'post',
    path: '/v1/thanks',
    summary: 'Thank people or a department',
    tag: 'Thanks',
    idempotent: true,
    body: createThankSchema,
    responses: { 201: { description: 'Created', schema: thankSchema } },
  },
  {
    method: 'get',
    path: '/v1/inbox',
    summary: 'Asks to rate, sent, for me, and thanks received',
    tag: 'Inbox',
    responses: { 200: { description: 'My inbox', schema: inboxSchema } },
  },
  {
    method: 'get',
    path: '/v1/queue',
    summary: "My departments' open asks against their standard",
    tag: 'Inbox',
    responses: { 200: { description: 'Queues', schema: queuesSchema } },
  },
  {
    method: 'get',
    path: '/v1/sync',
    summary: 'Cheap poll: has anything changed since a sequence number',
    tag: 'Inbox',
    query: syncQuerySchema,
    responses: { 200: { description: 'Cursor and count', schema: syncSchema } },
  },
  {
    method: 'get',
    path: '/v1/settings',
    summary: "The organisation's limits",
    tag: 'Settings',
    responses: { 200: { description: 'Settings', schema: settingsSchema } },
  },
  {
    method: 'patch',
    path: '/v1/settings',
    summary: "Change the organisation's limits (admins)",
    tag: 'Settings',
    body: updateSettingsSchema,
    responses: { 200: { description: 'Settings', schema: settingsSchema } },
  },
  {
    method: 'get',
    path: '/v1/events',
    summary: 'The event log after a sequence number (admins)',
    tag: 'Audit',
    query: eventsQuerySchema,
    responses: { 200: { description: 'Events', schema: eventsPageSchema } },
  },
];

export { errorBodySchema };
