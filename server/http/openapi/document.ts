import * as z from 'zod';
import { adminOperations } from './admin-operations.ts';
import { causesOperations } from './causes-operations.ts';
import { companySignInOperations } from './company-sign-in-operations.ts';
import { insightsOperations } from './insights-operations.ts';
import { notificationOperations } from './notification-operations.ts';
import { errorBodySchema, type Operation, operations } from './operations.ts';
import { pulsesOperations } from './pulses-operations.ts';
import { pushOperations } from './push-operations.ts';
import { setupOperations } from './setup-operations.ts';
import { valuesOperations } from './values-operations.ts';
import { webhooksOperations } from './webhooks-operations.ts';

const json = (schema: z.ZodType, io: 'input' | 'output') => ({
  'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) },
});

const errors = {
  400: 'Invalid input: `fields` names each field at fault',
  401: 'No valid bearer token',
  403: 'Not allowed for your role or side',
  404: 'Not found, or not yours to see',
  409: 'Conflicts with the current state (e.g. illegal_transition)',
  422: 'Refused by a rule (self_thanks, unknown_recipient, idempotency_key_reused)',
};

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
};

/** Answers that depend on how the operation is called rather than on what it does. */
function transportErrors(op: Operation) {
  const answers: Record<number, { description: string; headers?: object }> = {
    503: { description: 'Storage unavailable; nothing was saved (unavailable): try again', headers: retryAfter },
  };
  if (op.body) {
    answers[413] = { description: 'The body is too large (payload_too_large)' };
    answers[415] = { description: 'The body is not JSON (unsupported_media_type)' };
  }
  // Sign-in attempts and writes are limited per person and organisation.
  if (op.method !== 'get' && !op.setup) {
    answers[429] = { description: 'Too many requests (rate_limited): wait Retry-After seconds', headers: retryAfter };
  }
  return answers;
}

function operation(op: Operation) {
  const parameters: object[] = [];
  for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  if (op.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: 'Made by the client per composed item; a retry returns the original result',
      schema: { type: 'string', minLength: 8, maxLength: 100 },
    });
  }
  for (const [name, schema] of Object.entries(op.query?.shape ?? {})) {
    parameters.push({
      name,
      in: 'query',
      required: false,
      schema: z.toJSONSchema(schema as z.ZodType, { io: 'input' }),
    });
  }
  const responses: Record<string, object> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    const bytes = { type: 'string', format: 'binary' };
    const text = Object.fromEntries((r.text ?? []).map((t) => [t, { schema: { type: 'string' } }]));
    responses[status] = r.schema
      ? { description: r.description, content: { ...json(r.schema, 'output'), ...text } }
      : r.binary
        ? { description: r.description, content: Object.fromEntries(r.binary.map((t) => [t, { schema: bytes }])) }
        : { description: r.description };
  }
  for (const [status, description] of Object.entries(errors)) {
    if ((op.public || op.setup) && status === '403') continue;
    if (op.setup && status === '422') continue;
    responses[status] = {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  for (const [status, { description, headers }] of Object.entries(transportErrors(op))) {
    responses[status] = {
      description,
      ...(headers ? { headers } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.public ? { security: [] } : op.setup ? { security: [{ setupToken: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: json(op.body, 'input') } } : {}),
    responses,
  };
}

/** The API's contract as OpenAPI 3.1, generated from the shared zod schemas the routes validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of [
    ...operations,
    ...adminOperations,
    ...insightsOperations,
    ...setupOperations,
    ...valuesOperations,
    ...pulsesOperations,
    ...webhooksOperations,
    ...notificationOperations,
    ...companySignInOperations,
    ...pushOperations,
    ...causesOperations,
  ]) {
    paths[op.path] ??= {};
    paths[op.path][op.method] = operation(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version: '1',
      description:
        'Ask and thank across an organisation. Every request but sign-in carries `Authorization: Bearer <token>`; ' +
        'the organisation comes from the token alone. Errors are always `{ "error": { "code", "message", "fields"? } }`.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        setupToken: { type: 'http', scheme: 'bearer', description: "The deployment's SETUP_TOKEN secret" },
      },
      schemas: { Error: z.toJSONSchema(errorBodySchema) },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
