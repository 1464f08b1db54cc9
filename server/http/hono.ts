import { HonoBase, type HonoOptions } from 'hono/hono-base';
import { TrieRouter } from 'hono/router/trie-router';
import type { BlankEnv, BlankSchema, Env, Schema } from 'hono/types';

/**
 * Hono with its TrieRouter alone, for every app and route group. Hono's default router tries RegExpRouter
 * first and falls back to TrieRouter for a route set RegExpRouter cannot compile; ours is one (`/v1/asks/:id`
 * among `/v1/*` middleware and static siblings), so TrieRouter already matched every request, and
 * RegExpRouter was 2 kB of the Worker's gzip, built at the first request and thrown away.
 */
export class Hono<
  E extends Env = BlankEnv,
  S extends Schema = BlankSchema,
  BasePath extends string = '/',
> extends HonoBase<E, S, BasePath> {
  constructor(options: HonoOptions<E> = {}) {
    super(options);
    this.router = new TrieRouter();
  }
}
