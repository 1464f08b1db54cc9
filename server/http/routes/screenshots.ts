import { screenshotMaxBytes, uploadScreenshotSchema } from '../../../shared/screenshots.ts';
import { type Bytes, dataUrlBytes, imageType, screenshotId } from '../../blobs/screenshots.ts';
import type { AuthedEnv } from '../auth.ts';
import { ApiError } from '../errors.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/**
 * Uploads a screenshot of the visible tab, before the ask that attaches it (`context.screenshot`).
 * Named by its bytes, so the outbox may upload the same picture again safely: 201 either way. Kept
 * for a day unless an ask attaches it.
 */
export const screenshotRoutes = new Hono<AuthedEnv>().post('/', validate('json', uploadScreenshotSchema), async (c) => {
  let bytes: Bytes;
  try {
    bytes = dataUrlBytes(c.req.valid('json').image);
  } catch {
    throw new ApiError('validation_failed', 'Not base64', { image: 'The data is not valid base64' });
  }
  if (bytes.length > screenshotMaxBytes) {
    throw new ApiError('validation_failed', 'The screenshot is too large', {
      image: 'The screenshot is larger than 1 MiB',
    });
  }
  if (!imageType(bytes)) {
    throw new ApiError('validation_failed', 'Not an image', { image: 'The data is not a PNG or JPEG image' });
  }
  const { orgId, personId } = c.var.principal;
  const id = await screenshotId(bytes);
  // Recorded (and counted against the writes-per-minute limit) first: a refused upload stores nothing,
  // and one no ask attaches within a day is removed (blobs/sweep.ts).
  await c.var.ledger.recordScreenshot(c.var.principal, id);
  await c.var.screenshots.put(orgId, personId, id, bytes);
  return c.json({ id, bytes: bytes.length }, 201);
});
