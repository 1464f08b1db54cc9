import { exports } from 'cloudflare:workers';

/** The Worker's own fetch inside workerd, at a host it answers to (vitest.config.ts: ALLOWED_HOSTS). */
export const base = 'https://tandem.test';
export const call = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`${base}${path}`, init));

/** A JSON POST body with its content type (and any other headers). */
export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
