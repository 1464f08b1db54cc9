import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors.ts';

const tooLarge = (maxSize: number) =>
  new ApiError('payload_too_large', `The request body is too large: ${Math.round(maxSize / 1024)} KiB at most`);

/**
 * Refuses bodies over `defaultMax`, or the larger limit listed for the path. A declared Content-Length is checked from the header alone, which
 * keeps @hono/node-server's fast path (it reads JSON straight from the socket; touching
 * `req.raw.body` would build a web stream per request). Bodies without a length are counted as
 * they stream, by Hono's bodyLimit.
 */
export const limitBody = (defaultMax: number, larger: Record<string, number> = {}) => {
  const streaming = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge(maxSize);
      },
    });
  const limiters = new Map(Object.entries(larger).map(([path, max]) => [path, { max, stream: streaming(max) }]));
  const normal = { max: defaultMax, stream: streaming(defaultMax) };
  return createMiddleware(async (c, next) => {
    const { max: maxSize, stream } = limiters.get(c.req.path) ?? normal;
    const declared = c.req.header('content-length');
    if (declared === undefined) return stream(c, next);
    if (Number(declared) > maxSize) throw tooLarge(maxSize);
    await next();
  });
};
