import type { ContractFiles } from '../http/routes/docs.ts';

/**
 * The contract's files as the deploy's build wrote them (wrangler.toml: [build] runs `npm run worker:assets`,
 * [assets] serves its folder). Generating them here would bundle zod's JSON Schema conversion and every
 * operation's description: ~8 kB of the Worker's gzip.
 *
 * `run_worker_first` sends every request through the app first, so /docs and /openapi.json keep the host and
 * origin guards. What differs from Node's answer: the asset server adds an ETag and `Cache-Control: public,
 * max-age=0, must-revalidate`, answers a matching If-None-Match with 304, and writes `charset=utf-8` in lower case.
 */
export const assetContract =
  (assets: Fetcher): ContractFiles =>
  async (file, request) => {
    const answer = await assets.fetch(new Request(new URL(`/${file}`, request.url), request));
    // Its headers are immutable; the app's middleware (CORS) adds to them.
    return new Response(answer.body, answer);
  };
