import { hc } from 'hono/client';
import type { AppType } from '../../server/http/app.ts';

/** The typed client alone: the panel's first script (entrypoints/sidepanel-start.ts) carries no more of api.ts. */
export const makeClient = (serverUrl: string, token?: string) =>
  hc<AppType>(serverUrl.replace(/\/+$/, ''), token ? { headers: { authorization: `Bearer ${token}` } } : {});
export type Client = ReturnType<typeof makeClient>;
