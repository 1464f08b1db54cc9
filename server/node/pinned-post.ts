import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIPv6 } from 'node:net';
import { excerptChars, type Post } from '../delivery/send.ts';

/**
 * Node's POST for webhooks: connects to the addresses the sender checked (send.ts), never resolving the
 * name again, so a DNS answer that changes between the check and the connection (rebinding) cannot reach a
 * private address. TLS still verifies the certificate for the URL's host name. Redirects are not followed.
 */
export const pinnedPost: Post = ({ url, headers, body, timeoutMs, addresses }) =>
  new Promise((resolve, reject) => {
    const pinned: LookupFunction | undefined = addresses
      ? (_host, options, callback) => {
          const all = addresses.map((address) => ({ address, family: isIPv6(address) ? 6 : 4 }));
          if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof all) => void)(null, all);
          else callback(null, all[0].address, all[0].family);
        }
      : undefined;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.length >= excerptChars) res.destroy();
        });
        const done = () => resolve({ status: res.statusCode ?? 0, excerpt: text ? text.slice(0, excerptChars) : null });
        res.on('end', done);
        res.on('close', done);
      },
    );
    req.on('error', (e) =>
      reject(e.name === 'AbortError' ? Object.assign(new Error('Timed out'), { name: 'TimeoutError' }) : e),
    );
    req.end(body);
  });
