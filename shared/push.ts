/**
 * Push to the extension (the Worker only): `GET /v1/push` upgraded to a WebSocket. Browsers cannot set headers
 * on a WebSocket, so the client offers two subprotocols, this one then its bearer token; the server answers
 * with this one alone. The server sends `{"seq":N}` when something that concerns the person happened (the
 * client then syncs), and `{"seq":N,"due":true}` when an ask of theirs came within the hour of its due time or
 * passed it (no event: the client asks for its notifications even though the cursor did not move).
 * The client sends `ping` every 20 s, answered `pong` without waking the organisation's Durable Object.
 */
export const pushProtocol = 'tandem.v1';
export const pushPing = 'ping';
export const pushPong = 'pong';
/**
 * Close codes: the person's departments or standing changed (reconnect); the token was revoked (do not); the
 * person opened more sockets than allowed and this, the oldest, gave way (do not: poll instead).
 */
export const pushClose = { regroup: 4001, revoked: 4401, replaced: 4409 } as const;
/** Sockets one person may hold open (browsers, profiles); a new one beyond closes the oldest. */
export const socketsPerPerson = 5;
