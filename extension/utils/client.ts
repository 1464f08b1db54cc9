import { hc } from 'hono/client';
import type { AppType } from '../../server/http/app.ts';

/** The typed client, on its own: the panel's first script (entrypoints/early.ts) carries it and nothing more of api.ts. */
export const makeClient = (serverUrl: string, token?: string) =>
  hc<AppType>(serverUrl.replace(/\/+$/, ''), token ? { headers: { authorization: `Bearer ${token}` } } : {});
export type Client = ReturnType<typeof makeClient>;
