import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors.ts';

const tooLarge = (maxSize: number) =>
  new ApiError('bad_request', `Request body too large (${Math.round(maxSize / 1024)} KiB at most)`);

/**
 * Refuses bodies over maxSize. A declared Content-Length is checked from the header alone, which
 * keeps @hono/node-server's fast path (it reads JSON straight from the socket; touching
 * `req.raw.body` would build a web stream per request). Bodies without a length are counted as
 * they stream, by Hono's bodyLimit.
 */
export const limitBody = (defaultMax: number, override?: { except: string; exceptMaxSize: number }) => {
  const streaming = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge(maxSize);
      },
    });
  const normal = streaming(defaultMax);
  const larger = override && streaming(override.exceptMaxSize);
  return createMiddleware(async (c, next) => {
    const special = override && c.req.path === override.except;
    const maxSize = special ? override.exceptMaxSize : defaultMax;
    const declared = c.req.header('content-length');
    if (declared === undefined) return (special && larger ? larger : normal)(c, next);
    if (Number(declared) > maxSize) throw tooLarge(maxSize);
    await next();
  });
};
