/*
 * The webhook receiver the workerd tests' outbound requests reach (vitest.config.ts passes it to miniflare as
 * `outboundService`): a request from the Worker or its Durable Object to http(s)://hooks.test/… leaves workerd
 * and is answered here, in Node. It keeps what arrived per path; a test reads them back with
 * GET http://hooks.test/__received?path=/… and turns a path down or up with POST /__down?path=…&down=1.
 * Anything else goes to the network as usual.
 */
export interface Arrival {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
}

const arrived = new Map<string, Arrival[]>();
const down = new Set<string>();

export async function outboundReceiver(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.hostname !== 'hooks.test') return fetch(request);
  const path = url.searchParams.get('path') ?? '';
  if (url.pathname === '/__received') return Response.json(arrived.get(path) ?? []);
  if (url.pathname === '/__down') {
    if (url.searchParams.get('down') === '1') down.add(path);
    else down.delete(path);
    return new Response(null, { status: 204 });
  }
  if (down.has(url.pathname)) return new Response('down for maintenance', { status: 503 });
  const list = arrived.get(url.pathname) ?? [];
  list.push({
    id: request.headers.get('webhook-id'),
    timestamp: request.headers.get('webhook-timestamp'),
    signature: request.headers.get('webhook-signature'),
    body: await request.text(),
  });
  arrived.set(url.pathname, list);
  return new Response('ok', { status: 200 });
}
