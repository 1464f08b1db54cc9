import { pushProtocol } from '../../../shared/push.ts';
import { orgOfCredential } from '../../../shared/session.ts';
import type { Ledgers } from '../../core/remote.ts';
import { sha256Hex } from '../credentials.ts';
import { ApiError, errorBody } from '../errors.ts';
import { Hono } from '../hono.ts';

/** Where push sockets are kept: the organisation's Durable Object on the Worker; Node has none. */
export interface PushGate {
  /** Hands an upgrade request, with the token's hash, to the organisation's sockets; answers 101 or 401. */
  connect(orgId: string, tokenHash: string, request: Request): Promise<Response>;
}

/**
 * `GET /v1/push`: a WebSocket to be told when something concerns me (shared/push.ts). The token travels as the
 * second subprotocol, since browsers cannot set headers on a WebSocket and a token in the URL would be logged;
 * a one-time ticket would cost the object a write per connect and the client a round trip. Without an upgrade it
 * answers 426, so the extension can ask whether the server offers push; where it does not (Node), 404.
 */
export const pushRoutes = (ledgers: Ledgers, gate: PushGate | undefined) =>
  new Hono().get('/', async (c) => {
    if (!gate) throw new ApiError('not_found', 'This server has no push: poll GET /v1/sync');
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      return c.json(errorBody('bad_request', 'Open a WebSocket here (protocols: tandem.v1, then the token)'), 426);
    }
    const [protocol, token] = (c.req.header('sec-websocket-protocol') ?? '').split(',').map((p) => p.trim());
    const orgId = protocol === pushProtocol && token ? orgOfCredential(token) : null;
    // The registry first: a made-up organisation must not bring an object into being.
    if (!orgId || !(await ledgers.open(orgId))) {
      throw new ApiError('unauthenticated', `Sign in first: offer the protocols ${pushProtocol} and a valid token`);
    }
    return gate.connect(orgId, await sha256Hex(token), c.req.raw);
  });
