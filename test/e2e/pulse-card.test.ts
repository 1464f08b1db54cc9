import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.ts';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { openPanel, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

// Maya (a manager) opens a pulse for Payroll; an earlier Payroll pulse is closed with two changes recorded by the
// admin. Sam (Sales) finds both cards at the top of his inbox, answers in the panel, and dismisses the changes.
let server: RunningServer;
let sam: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  sam = await launchWithExtension();
});
afterAll(async () => {
  await sam?.close();
  await server?.stop();
});

const day = 24 * 3600_000;
const dimensions = ['Communication', 'Productivity', 'Responsiveness', 'Quality'];

it('Sam answers the Payroll pulse in the side panel and sees what Payroll changed; the card fits 228 to 600 px, light and dark', async () => {
  const { call, token } = apiCaller(server);
  const manager = await token(server.codes.manager);
  const admin = await token(server.codes.admin);
  const { departments } = await call<{ departments: { id: string; name: string }[] }>(admin, 'GET', '/v1/departments');
  const payroll = departments.find((d) => d.name === 'Payroll')?.id as string;
  const people = await call<{ people: { id: string; name: string }[] }>(admin, 'GET', '/v1/people?q=Priya');
  const priya = people.people.find((p) => p.name === 'Priya Natarajan')?.id as string;
  const closesAt = () => new Date(Date.now() + 7 * day).toISOString();
  // The earlier pulse: opened, closed, and Payroll's changes recorded.
  const earlier = await call<{ id: string }>(
    manager,
    'POST',
    '/v1/pulses',
    { departmentIds: [payroll], closesAt: closesAt() },
    201,
  );
  await call(manager, 'POST', `/v1/pulses/${earlier.id}/close`);
  const due = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
  await call(admin, 'PUT', `/v1/pulses/${earlier.id}/departments/${payroll}/actions`, {
    actions: [
      { text: 'Payslips explain overtime line by line', ownerId: priya, due },
      { text: 'Answers to payroll asks within one working day', ownerId: priya, due },
    ],
  });
  const pulse = await call<{ id: string }>(
    manager,
    'POST',
    '/v1/pulses',
    { departmentIds: [payroll], closesAt: closesAt() },
    201,
  );

  const { panel } = await openPanel(sam);
  await signIn(panel, server.url, server.codes.member, 'Sam Rivera');
  const card = panel.getByRole('region', { name: 'How is Payroll doing for you?' });
  await card.waitFor();
  const changes = panel.getByRole('region', { name: 'You said, Payroll did' });
  await changes.waitFor();
  expect(await changes.getByRole('listitem').allTextContents()).toEqual([
    expect.stringMatching(/^Payslips explain overtime line by linePriya Natarajan · by /),
    expect.stringMatching(/^Answers to payroll asks within one working dayPriya Natarajan · by /),
  ]);
  expect(await seriousA11yIssues(panel)).toEqual([]);

  // The panel's page in a tab, to see the cards at the panel's widths.
  const tab = await sam.context.newPage();
  await tab.goto(`chrome-extension://${sam.extensionId}/sidepanel.html`);
  const shownCard = tab.getByRole('region', { name: 'How is Payroll doing for you?' });
  await shownCard.waitFor();
  // Half chosen, so the screenshots show chosen numbers and the line naming what is missing.
  for (const [i, d] of dimensions.slice(0, 2).entries()) {
    await shownCard
      .getByRole('radiogroup', { name: `${d}: How much it matters to you` })
      .getByRole('radio', { name: String(6 - i) })
      .click();
  }
  await shownCard.getByRole('button', { name: 'Send' }).click();
  await shownCard.getByRole('alert').waitFor();
  const found: string[] = [];
  for (const width of [228, 600]) {
    for (const scheme of ['light', 'dark'] as const) {
      await tab.setViewportSize({ width, height: 1400 });
      await tab.emulateMedia({ colorScheme: scheme });
      for (const problem of await layoutProblems(tab)) found.push(`${width} ${scheme}: ${problem}`);
      for (const region of [shownCard, tab.getByRole('region', { name: 'You said, Payroll did' })]) {
        const box = await region.boundingBox();
        if (!box || box.x + box.width > width) found.push(`${width} ${scheme}: a card runs past the panel`);
      }
      await tab.screenshot({ path: join(screenshotDir, `pulse-card-${width}-${scheme}.png`), fullPage: true });
    }
  }
  expect(found).toEqual([]);
  await tab.close();

  // In the panel: Send refuses until all eight are chosen and names the first missing scale.
  await card.getByRole('button', { name: 'Send' }).click();
  expect(await card.getByRole('alert').textContent()).toBe(
    'Choose a number for Communication: How much it matters to you. 8 of 8 still to choose.',
  );
  // The keyboard works the scale: focus went to the missing group's first radio; arrows move the choice.
  await panel.keyboard.press('ArrowRight');
  await panel.keyboard.press('ArrowRight');
  expect(
    await card
      .getByRole('radiogroup', { name: 'Communication: How much it matters to you' })
      .getByRole('radio', { name: '3' })
      .isChecked(),
  ).toBe(true);
  for (const [i, d] of dimensions.entries()) {
    if (i > 0)
      await card
        .getByRole('radiogroup', { name: `${d}: How much it matters to you` })
        .getByRole('radio', { name: String(7 - i) })
        .click();
    await card
      .getByRole('radiogroup', { name: `${d}: How they did` })
      .getByRole('radio', { name: String(i + 2) })
      .click();
  }
  await card.getByLabel('Comment (optional)').fill('Overtime questions take a week.');
  await card.getByRole('button', { name: 'Send' }).click();
  await panel.getByText(/^Thanks — answers are anonymous/).waitFor();
  await panel.screenshot({ path: join(screenshotDir, 'pulse-card-thanks.png') });
  const mine = await call<{ pending: { pulseId: string }[] }>(
    await token(server.codes.member),
    'GET',
    '/v1/pulses/mine',
  );
  expect(mine.pending.filter((p) => p.pulseId === pulse.id)).toEqual([]);

  await changes.getByRole('button', { name: 'Dismiss what Payroll changed' }).click();
  await changes.waitFor({ state: 'detached' });
  // Neither comes back: answered, and dismissed (the cards' host renders once the dismissals are read).
  await panel.reload();
  await panel.locator('#me-name', { hasText: 'Sam Rivera' }).waitFor();
  await panel.locator('.pulse-cards').waitFor({ state: 'attached' });
  expect(await panel.locator('.pulse-card').count()).toBe(0);
});
