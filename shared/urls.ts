import * as z from 'zod';
import { limits } from './limits.ts';
import { cleanUrl, isWebUrl } from './web-pages.ts';

export { cleanUrl, isWebUrl };

/** A web page's address as the ledger keeps it: http(s) only, cleaned, at most `limits.url` long. */
export const webUrlSchema = z
  .url({ protocol: /^https?$/, error: 'A web page address (http or https)' })
  .overwrite(cleanUrl)
  .max(limits.url);
