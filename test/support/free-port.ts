import { createServer } from 'node:net';

/**
 * A port that is free now and below Linux's ephemeral range (32768–60999), so no outgoing connection
 * of the test run (workerd, browsers, the server's own clients) can take it between here and `listen`.
 * CI once lost a run to a random pick inside that range (EADDRINUSE).
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFree(port, host)) return port;
  }
  throw new Error('[e2e] no free port between 20000 and 32000');
}

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
