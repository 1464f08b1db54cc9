import { Hono } from '../hono.ts';
import { docsPage } from '../openapi/docs-page.ts';
import { openApiDocument } from '../openapi/document.ts';

// Built once per process: the contract does not change while it runs.
let document: ReturnType<typeof openApiDocument> | undefined;
const contract = () => {
  document ??= openApiDocument();
  return document;
};

/** The published contract: OpenAPI 3.1 generated from the shared zod schemas, and a page to read it. */
export const docsRoutes = new Hono()
  .get('/openapi.json', (c) => c.json(contract()))
  .get('/docs', (c) => c.html(docsPage(contract())));
