import { ApiError } from '../errors.ts';
import { Hono } from '../hono.ts';

/** The published contract's two files: OpenAPI 3.1 generated from the shared zod schemas, and a page to read it. */
export type ContractFile = 'openapi.json' | 'docs.html';

/**
 * Answers with one of the contract's files. Node generates them (openapi/contract.ts); the Worker reads the
 * copies its build wrote (worker/contract-assets.ts), so its bundle carries no generator.
 */
export type ContractFiles = (file: ContractFile, request: Request) => Response | Promise<Response>;

/** GET /openapi.json and GET /docs; without `files` (tests that do not read the contract) both answer 404. */
export const docsRoutes = (files: ContractFiles | undefined) => {
  const serve = (file: ContractFile, request: Request) => {
    if (!files) throw new ApiError('not_found', 'This server does not publish its contract');
    return files(file, request);
  };
  return new Hono()
    .get('/openapi.json', (c) => serve('openapi.json', c.req.raw))
    .get('/docs', (c) => serve('docs.html', c.req.raw));
};
