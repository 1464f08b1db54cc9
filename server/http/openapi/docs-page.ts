import type { openApiDocument } from './document.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

type Doc = ReturnType<typeof openApiDocument>;
type Op = { summary: string; tags: string[]; security?: unknown[]; parameters?: { name: string; in: string }[] };

/** A readable, self-contained page of the API contract: no scripts, no external assets. */
export function docsPage(doc: Doc): string {
  const sections = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as Op & Record<string, unknown>;
      const params = (op.parameters ?? []).map((p) => `<code>${escapeHtml(p.name)}</code> (${p.in})`).join(', ');
      const item = `<section class="op">
  <h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  <p>${escapeHtml(op.summary)}${op.security ? ' <em>Public.</em>' : ''}</p>
  ${params ? `<p class="params">Parameters: ${params}</p>` : ''}
  <details><summary>Request and responses</summary><pre>${escapeHtml(
    JSON.stringify({ requestBody: op.requestBody, responses: op.responses }, null, 2),
  )}</pre></details>
</section>`;
      const tag = op.tags[0] ?? 'Other';
      sections.set(tag, [...(sections.get(tag) ?? []), item]);
    }
  }
  const body = [...sections].map(([tag, items]) => `<h2>${escapeHtml(tag)}</h2>${items.join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${escapeHtml(doc.info.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2330;background:#fafafc}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem;margin:.2rem 0}
.op{background:#fff;border:1px solid #e2e4ec;border-radius:8px;padding:.6rem 1rem;margin:.6rem 0}
.m{display:inline-block;min-width:4.2rem;font-size:.75rem;font-weight:700;color:#fff;border-radius:4px;padding:.1rem .4rem;text-align:center}
.m-get{background:#2563eb}.m-post{background:#15803d}.m-patch{background:#b45309}.m-delete{background:#b91c1c}
pre{overflow:auto;font-size:12px;background:#f3f4f8;padding:.6rem;border-radius:6px}
@media (prefers-color-scheme:dark){body{background:#15171d;color:#e6e7ee}.op{background:#1d2028;border-color:#2c3040}pre{background:#23262f}h2{border-color:#333}}
</style></head><body>
<h1>${escapeHtml(doc.info.title)}</h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p>
${body}
</body></html>`;
}
