import type { ContractFile, ContractFiles } from '../routes/docs.ts';
import { docsPage } from './docs-page.ts';
import { openApiDocument } from './document.ts';

/** The contract's files as they are served: the same bytes Node answers and the Worker's build writes. */
export function contractFiles(): Record<ContractFile, string> {
  const document = openApiDocument();
  return { 'openapi.json': JSON.stringify(document), 'docs.html': docsPage(document) };
}

// What Hono's c.json and c.html send, as Node did when the routes called them.
const types: Record<ContractFile, string> = {
  'openapi.json': 'application/json',
  'docs.html': 'text/html; charset=UTF-8',
};

// Built once per process: the contract does not change while it runs.
let files: Record<ContractFile, string> | undefined;

/** Node's contract: generated at the first request from the schemas it runs with. */
export const generatedContract: ContractFiles = (file) => {
  files ??= contractFiles();
  return new Response(files[file], { headers: { 'content-type': types[file] } });
};
