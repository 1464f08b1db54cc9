import * as z from 'zod';
import { screenshotMaxBytes } from './limits.ts';

/** A screenshot is named by the SHA-256 of its bytes: the same picture uploaded twice is one picture. */
export const screenshotIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Not a screenshot id');

export { screenshotMaxBytes };

/** The visible tab as the browser captures it (`tabs.captureVisibleTab`): a PNG or JPEG data URL. */
export const uploadScreenshotSchema = z.object({
  image: z
    .string()
    .max(Math.ceil((screenshotMaxBytes * 4) / 3) + 32, 'The screenshot is larger than 1 MiB')
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'Expected a PNG or JPEG data URL'),
});
export type UploadScreenshot = z.infer<typeof uploadScreenshotSchema>;

export const screenshotSchema = z.object({ id: screenshotIdSchema, bytes: z.number().int() });
export type Screenshot = z.infer<typeof screenshotSchema>;
