import type { Operation } from './operations.ts';

/** Push to the extension: a WebSocket on the Worker (shared/push.ts); Node answers 404. */
export const pushOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/push',
    summary:
      'A WebSocket told `{"seq":N}` whenever something concerns you (then GET /v1/sync). Upgrade with ' +
      '`Sec-WebSocket-Protocol: tandem.v1, <token>` (browsers cannot set Authorization on a WebSocket; never the ' +
      'URL); answered `tandem.v1`. Send `ping` every 20 s: `pong`. Closed 4001: reconnect; 4401: signed out; 4409: a sixth socket of yours took its place',
    tag: 'Inbox',
    // The token rides in the subprotocol, not in Authorization.
    public: true,
    responses: {
      101: { description: 'Switching to the WebSocket' },
      426: { description: 'Not an upgrade: this server offers push (the extension asks this way)' },
    },
  },
];
