import { digestQuerySchema } from '../../../shared/digest.ts';
import type { AuthedEnv } from '../auth.ts';
import { digestHtml, digestText } from '../digest-render.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/** A manager's weekly digest: JSON, or rendered for email (html) or a chat webhook (text). */
export const digestRoutes = new Hono<AuthedEnv>().get('/', validate('query', digestQuerySchema), async (c) => {
  const { format, at } = c.req.valid('query');
  const digest = await c.var.ledger.digest(c.var.principal, { at });
  if (format === 'text') return c.text(digestText(digest));
  if (format === 'html') return c.html(digestHtml(digest));
  return c.json(digest);
});
