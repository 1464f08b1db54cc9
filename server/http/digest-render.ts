import { html } from 'hono/html';
import type { Digest } from '../../shared/digest.ts';
import { pct, time } from '../../shared/format.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const thanked = (p: { received: number; distinctGivers: number }) =>
  `${count(p.received, 'thank-you', 'thanks')} from ${count(p.distinctGivers, 'person', 'people')}`;

/** The digest as plain text, for a chat webhook (Slack, Teams and Mattermost all take it). */
export function digestText(d: Digest): string {
  const lines = [
    `Tandem weekly digest — ${d.organisation}, ${d.week} (${d.from} to ${d.to})`,
    '',
    `${d.totals.thanks} thanks · ${d.totals.asksReceived} asks received · ${d.totals.asksResolved} resolved · ${pct(d.totals.withinStandard)} within standard · ${d.totals.overdueNow} overdue now`,
    '',
    'Most thanked:',
    ...(d.topPeople.length
      ? d.topPeople.map((p, i) => `  ${i + 1}. ${p.name} — ${thanked(p)}`)
      : ['  nobody was thanked this week']),
  ];
  if (d.topDepartments.length) {
    lines.push('', 'Departments:');
    for (const t of d.topDepartments) {
      const per = t.perHundredServed === null ? '' : ` (${t.perHundredServed} per 100 asks served)`;
      lines.push(`  ${t.name} — ${count(t.received, 'thank-you', 'thanks')}${per}`);
    }
  }
  if (d.unsung.length) {
    lines.push('', 'Unsung helpers (many asks served, few thanks):');
    for (const u of d.unsung)
      lines.push(
        `  ${u.name} — ${count(u.asksServed, 'ask', 'asks')} served, ${count(u.thanks, 'thank-you', 'thanks')}`,
      );
  }
  lines.push('', 'Service:');
  for (const s of d.departments) {
    lines.push(
      `  ${s.name}: ${s.received} in, ${s.resolved} resolved, median ${time(s.resolutionMedianMs)}, ${pct(s.withinStandard)} within standard, ${s.backlog} open, ${s.overdue} overdue`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The digest as an HTML email: inline styles only, every name escaped. */
export function digestHtml(d: Digest) {
  const cell = 'padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left';
  const num = `${cell};text-align:right`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tandem weekly digest ${d.week}</title></head>
<body style="font-family:system-ui,sans-serif;color:#111827;max-width:640px;margin:0 auto;padding:16px">
<h1 style="font-size:20px">Your week at ${d.organisation}: ${d.week}</h1>
<p style="color:#4b5563">${d.from} to ${d.to} · for ${d.manager}</p>
<p><strong>${d.totals.thanks}</strong> thanks · <strong>${d.totals.asksReceived}</strong> asks received ·
<strong>${d.totals.asksResolved}</strong> resolved · <strong>${pct(d.totals.withinStandard)}</strong> within standard ·
<strong>${d.totals.overdueNow}</strong> overdue now</p>
<h2 style="font-size:16px">Most thanked</h2>
${
  d.topPeople.length
    ? html`<ol>${d.topPeople.map((p) => html`<li>${p.name} — ${thanked(p)}</li>`)}</ol>`
    : html`<p>Nobody was thanked this week.</p>`
}
${
  d.unsung.length
    ? html`<h2 style="font-size:16px">Unsung helpers</h2><p style="color:#4b5563">Many asks served, few thanks: a word from you goes far.</p>
<ul>${d.unsung.map((u) => html`<li>${u.name} — ${count(u.asksServed, 'ask', 'asks')} served, ${count(u.thanks, 'thank-you', 'thanks')}</li>`)}</ul>`
    : ''
}
<h2 style="font-size:16px">Service</h2>
<table style="border-collapse:collapse;width:100%;font-size:14px">
<thead><tr><th style="${cell}">Department</th><th style="${num}">In</th><th style="${num}">Resolved</th>
<th style="${num}">Median</th><th style="${num}">Within standard</th><th style="${num}">Overdue</th></tr></thead>
<tbody>${d.departments.map(
    (
      s,
    ) => html`<tr><td style="${cell}">${s.name}</td><td style="${num}">${s.received}</td><td style="${num}">${s.resolved}</td>
<td style="${num}">${time(s.resolutionMedianMs)}</td><td style="${num}">${pct(s.withinStandard)}</td><td style="${num}">${s.overdue}</td></tr>`,
  )}</tbody></table>
</body></html>`;
}
