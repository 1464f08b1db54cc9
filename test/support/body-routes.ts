import type { createApp } from '../../server/http/app.ts';

/** Writes that take no body at all: everything else the app answers to with POST, PATCH or PUT reads a JSON body. */
export const bodylessWrites = [
  'POST /v1/me/sign-out-everywhere',
  'POST /v1/pulses/:id/close',
  'POST /v1/webhooks/:id/deliveries/:deliveryId/resend',
  'POST /v1/webhooks/:id/test',
];

/** Every route of the app that reads a request body, as `METHOD /path` with Hono's `:id` params. */
export function bodyRoutes(app: ReturnType<typeof createApp>): string[] {
  const routes = app.routes
    .filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method))
    .map((r) => `${r.method} ${r.path}`)
    .filter((r) => !bodylessWrites.includes(r));
  return [...new Set(routes)].sort();
}
