import { getRequestListener, RequestError } from '@hono/node-server';
import { errorBody } from '../http/errors.ts';

/**
 * @hono/node-server's listener, with JSON answers for requests it cannot even turn into a Request (a malformed
 * Host, a bad path): 400 in our error shape rather than an empty body.
 */
export function requestListener(fetch: (request: Request) => Response | Promise<Response>, hostname: string) {
  return getRequestListener(fetch, {
    hostname,
    errorHandler: (e) => {
      if (e instanceof RequestError) {
        // Its messages ("Invalid URL") do not say which part: the Host header or the path.
        const message = 'Malformed request: the Host header or the path is not valid';
        return Response.json(errorBody('bad_request', message), { status: 400 });
      }
      console.error('[tandem] [node] unhandled error', e);
      return Response.json(errorBody('internal', 'Something went wrong on our side'), { status: 500 });
    },
  });
}
