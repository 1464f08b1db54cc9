import { startServer } from '../test/support/server-process.ts';
import { report } from './support/report.ts';

/*
 * bench:crash — 5,000 thank-yous over loopback to the real Node server (SQLite on disk), 32 in flight.
 * At a random moment the server is killed with SIGKILL (no shutdown, no last commit), then started
 * again on the same data. The client resends every send it had no answer for, with its
 * Idempotency-Key, and the rest. Then every one of the 5,000 keys is sent once more: an acknowledged
 * write must come back as a replay of the same thank-you (else it was lost), the event log must hold
 * exactly 5,000 (else some were doubled), and the leaderboard's counter must equal the log's recount.
 */
const total = Number(process.env.BENCH_WRITES ?? 5_000);
const inFlight = 32;
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 100_000);

const server = await startServer();
const json = (token?: string, key?: string) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...(key ? { 'idempotency-key': key } : {}),
});
const signIn = async (code: string) =>
  (
    (await (
      await fetch(`${server.url}/v1/session`, { method: 'POST', headers: json(), body: JSON.stringify({ code }) })
    ).json()) as { token: string }
  ).token;

try {
  const [member, admin, manager] = [
    await signIn(server.codes.member),
    await signIn(server.codes.admin),
    await signIn(server.codes.manager),
  ];
  await fetch(`${server.url}/v1/settings`, {
    method: 'PATCH',
    headers: json(admin),
    body: JSON.stringify({ limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } }),
  });
  const dir = (await (await fetch(`${server.url}/v1/directory?q=priya`, { headers: json(member) })).json()) as {
    entries: { id: string }[];
  };
  const priya = dir.entries[0].id;
  const send = (i: number) =>
    fetch(`${server.url}/v1/thanks`, {
      method: 'POST',
      headers: json(member, `crash-${seed}-${i}`),
      body: JSON.stringify({ to: [{ kind: 'person', id: priya }], message: `Thank-you #${i}` }),
    });

  // Phase 1: send until the kill; remember what was acknowledged (and as which thank-you).
  const acked = new Map<number, string>();
  const unanswered = new Set<number>();
  const killAt = Math.floor(total * (0.2 + ((seed % 1000) / 1000) * 0.6));
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      if (i === killAt && !killed) {
        killed = true;
        void server.crash();
      }
      try {
        const res = await send(i);
        if (res.status === 201) acked.set(i, ((await res.json()) as { id: string }).id);
        else unanswered.add(i);
      } catch {
        unanswered.add(i); // no answer: the server died with it in flight, or before it arrived
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const ackedBeforeRestart = acked.size;
  console.error(`[bench] killed after ${killAt} sends: ${acked.size} acknowledged, ${unanswered.size} unanswered`);

  // Phase 2: start again, resend what had no answer, with the same keys.
  const restarted = performance.now();
  await server.restart();
  const restartMs = performance.now() - restarted;
  // Some had been committed when the process died, their answer not yet written: they replay.
  let committedUnanswered = 0;
  for (const i of unanswered) {
    const res = await send(i);
    if (res.status !== 201) throw new Error(`[bench] resend ${i} answered ${res.status}`);
    if (res.headers.get('idempotent-replayed') === 'true') committedUnanswered++;
  }

  // Verification: every key once more. An acknowledged one must replay as the same thank-you.
  let lost = 0;
  for (let i = 0; i < total; i++) {
    const res = await send(i);
    const { id } = (await res.json()) as { id: string };
    const replayed = res.headers.get('idempotent-replayed') === 'true';
    if (acked.has(i) && (!replayed || acked.get(i) !== id)) lost++;
  }
  let events = 0;
  for (let after = 0; ; ) {
    const page = (await (
      await fetch(`${server.url}/v1/events?after=${after}&limit=500`, { headers: json(admin) })
    ).json()) as { events: { type: string }[]; last: number; more: boolean };
    events += page.events.filter((e) => e.type === 'thank.created').length;
    if (!page.more) break;
    after = page.last;
  }
  const board = (await (await fetch(`${server.url}/v1/leaderboard?period=all`, { headers: json(manager) })).json()) as {
    rows: { id: string; received: number }[];
  };
  const counted = board.rows.find((r) => r.id === priya)?.received ?? 0;
  console.error(
    `[bench] event log: ${events} thank-yous; leaderboard counter: ${counted}; restart ${restartMs.toFixed(0)} ms`,
  );
  report('crash', 'writes', total);
  report('crash', 'acked', ackedBeforeRestart);
  report('crash', 'unanswered_at_kill', unanswered.size);
  report('crash', 'committed_but_unanswered', committedUnanswered);
  report('crash', 'lost', lost);
  report('crash', 'duplicated', Math.max(0, events - total));
  report('crash', 'missing_after_replay', Math.max(0, total - events));
  report('crash', 'counter_minus_recount', counted - events);
  report('crash', 'restart_ms', restartMs);
  if (lost || events !== total || counted !== events) process.exitCode = 1;
} finally {
  await server.stop();
}
