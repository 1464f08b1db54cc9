import { Hono } from '../hono.ts';

/**
 * The page an invitation link opens. The code travels in the fragment, which browsers never send to
 * the server: it is shown by the page's own script, so it lands in no log.
 */
export const joinRoutes = new Hono().get('/join', (c) =>
  c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>Join Tandem</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
code{font-size:1.4rem;padding:.2rem .5rem;border-radius:6px;background:#eef}
@media (prefers-color-scheme:dark){body{background:#15171d;color:#e6e7ee}code{background:#2a2d3a}}</style></head>
<body><h1>You are invited to Tandem</h1>
<ol><li>Install the Tandem browser extension (your IT team has the link).</li>
<li>Click the Tandem icon in the toolbar.</li>
<li>Sign in with the server <code id="server"></code> and the code <code id="code">(missing)</code></li></ol>
<p>The code works once and expires; ask your admin for a new one if it does not.</p>
<script>
document.getElementById('server').textContent = location.origin;
if (location.hash.length > 1) document.getElementById('code').textContent = decodeURIComponent(location.hash.slice(1));
</script></body></html>`),
);
