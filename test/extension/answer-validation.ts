import { browser } from 'wxt/browser';
import { validateBody } from '../../extension/entrypoints/background/validate.ts';

/** What the background does for the panel's forms (utils/validation.ts), in WXT's fake browser. */
export function answerValidation(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: string; schema: Parameters<typeof validateBody>[0]; body: unknown };
    if (m?.type !== 'validate') return undefined;
    return Promise.resolve({ ok: true, reply: validateBody(m.schema, m.body) });
  });
}
