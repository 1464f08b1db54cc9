import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { openLeaderboard, openPanel, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * A company from nothing: an empty data directory without the demo (TANDEM_DEMO=0), an organisation
 * made with `npm run org -- create`, and its admin building it from the settings page alone.
 */
const shots = join(screenshotDir, 'org-from-zero');
const demoPeople = /Sam Rivera|Alex Chen|Maya Okafor|Priya Natarajan|Northwind/;

let server: RunningServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer({ demo: false });
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

/** `npm run org -- …` beside the running server, on its data directory. */
const npmOrg = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const env = { ...process.env, TANDEM_DATA_DIR: server.dataDir };
    execFile('npm', ['run', '-s', 'org', '--', ...args], { env }, (error, out, err) =>
      error ? reject(new Error(`npm run org failed: ${err}`)) : resolve(out),
    );
  });
const printed = (out: string, label: string) => new RegExp(`^\\s+${label}\\s+(\\S+)$`, 'm').exec(out)?.[1] ?? '';

/** The settings page at the narrowest and widest widths, light and dark: saved, and checked for layout faults. */
async function everyWidth(page: Page, view: string) {
  const found: string[] = [];
  for (const width of [360, 1440]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(150);
      for (const problem of await layoutProblems(page)) found.push(`${view} at ${width}px ${scheme}: ${problem}`);
      await page.screenshot({ path: join(shots, `${view}-${width}-${scheme}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

const noDemo = async (page: Page) => expect(await page.locator('body').textContent()).not.toMatch(demoPeople);

const firstNames = ['Ava', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'June'];
const lastNames = ['Archer', 'Bauer', 'Costa', 'Dahl', 'Egan'];
/** 50 people in the two departments; the first is Finance's manager. */
const staff = Array.from({ length: 50 }, (_, i) => ({
  name: `${firstNames[i % 10]} ${lastNames[Math.floor(i / 10)]}`,
  email: `person${i}@acme.example`,
  department: i % 2 ? 'Engineering' : 'Finance',
  role: i === 0 ? 'manager' : 'member',
}));
const csvOf = (people: typeof staff) =>
  ['name,email,title,departments,role', ...people.map((p) => `${p.name},${p.email},,${p.department},${p.role}`)].join(
    '\n',
  );

it('an organisation from nothing: created by the CLI, built by its admin, used by its people', async () => {
  const out = await npmOrg(
    'create',
    '--name',
    'Acme',
    '--admin-name',
    'Ada Lovelace',
    '--admin-email',
    'ada@acme.example',
    '--server',
    server.url,
  );
  expect(printed(out, 'id')).toBe('acme');
  const adminCode = printed(out, 'code');
  expect(printed(out, 'join')).toBe(`${server.url}/join#${encodeURIComponent(adminCode)}`);

  // The admin signs in with the printed code and opens the settings.
  const { panel } = await openPanel(b);
  await signIn(panel, server.url, adminCode, 'Ada Lovelace');
  await noDemo(panel);
  const opened = b.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Settings' }).click();
  const settings = await opened;
  await settings.waitForLoadState();
  const problems: string[] = [];

  // Two departments.
  await settings.getByRole('button', { name: 'Departments', exact: true }).click();
  await settings.getByText('No departments yet. Add one to give people somewhere to ask.').waitFor();
  problems.push(...(await everyWidth(settings, 'departments-empty')));
  for (const name of ['Engineering', 'Finance']) {
    await settings.getByRole('button', { name: 'Add department' }).click();
    await settings.getByLabel('Name', { exact: true }).fill(name);
    await settings.getByRole('button', { name: 'Create department' }).click();
    await settings.getByText(`Added ${name}.`).waitFor();
  }
  problems.push(...(await everyWidth(settings, 'departments')));

  // 50 people from an HR export, chosen as a file.
  await settings.getByRole('button', { name: 'Import', exact: true }).click();
  const file = join(server.dataDir, 'acme-staff.csv');
  writeFileSync(file, csvOf(staff));
  await settings.getByLabel('CSV file').setInputFiles(file);
  await settings.getByText('All 50 rows are ready to import.').waitFor();
  problems.push(...(await everyWidth(settings, 'import-preview')));
  await settings.getByRole('button', { name: 'Import people' }).click();
  await settings.getByText('Imported: 50 people added, 0 people updated, 0 departments created.').waitFor();

  // A later export without two of them, with "deactivate people not in this file": previewed, not imported.
  await settings.getByLabel('CSV to import').fill(csvOf(staff.slice(0, 48)));
  await settings.getByRole('checkbox', { name: 'Deactivate people not in this file' }).check();
  // The preview follows the text: wait for the one of this file ("No one will be deactivated" may come first).
  await expect
    .poll(() => settings.locator('#import-deactivation').textContent())
    .toBe(`2 people not in this file will be deactivated: ${staff[48].name} and ${staff[49].name}.`);
  await settings.getByRole('button', { name: 'Import and deactivate 2 people' }).waitFor();
  expect(await seriousA11yIssues(settings)).toEqual([]);
  problems.push(...(await everyWidth(settings, 'import-deactivate')));
  await settings.getByRole('checkbox', { name: 'Deactivate people not in this file' }).uncheck();

  // The company's first value: a new organisation starts with none.
  await settings.getByRole('button', { name: 'Values', exact: true }).click();
  await settings.getByText('No values yet. Add the first one above.').waitFor();
  await settings.getByLabel('New value').fill('Craftsmanship');
  await settings.getByRole('button', { name: 'Add value' }).click();
  await settings.getByRole('button', { name: 'Rename Craftsmanship' }).waitFor();
  problems.push(...(await everyWidth(settings, 'values')));

  // Invitations for a member and Finance's manager.
  await settings.getByRole('button', { name: 'People', exact: true }).click();
  const codeFor = async (name: string) => {
    await settings.getByLabel('Search people').fill(name);
    // The list settles on the search first: a card opened before that would go with the old list.
    await settings.locator('#people-count', { hasText: '1 person matches' }).waitFor();
    await settings.getByRole('button', { name: `Invite ${name}` }).click();
    const code = settings.getByRole('textbox', { name: 'Sign-in code' });
    await code.waitFor();
    return code.inputValue();
  };
  const member = staff[3];
  const manager = staff[0];
  const colleague = staff[5];
  const memberCode = await codeFor(member.name);
  expect(memberCode).toMatch(/^acme\.[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  problems.push(...(await everyWidth(settings, 'people-invited')));
  const managerCode = await codeFor(manager.name);
  await settings.getByLabel('Search people').fill('');
  await settings.locator('#people-count', { hasText: '51 people' }).waitFor();
  await noDemo(settings);
  expect(problems).toEqual([]);

  // The member signs in and thanks a colleague.
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await signIn(panel, server.url, memberCode, member.name);
  await panel.getByRole('button', { name: 'New' }).click();
  await panel.getByRole('button', { name: 'Thank', exact: true }).click();
  const to = panel.getByRole('combobox', { name: 'To' });
  await to.fill(colleague.name.split(' ')[0]);
  await panel.getByRole('option', { name: new RegExp(`^${colleague.name}`) }).waitFor();
  await to.press('ArrowDown');
  await to.press('Enter');
  await panel.getByRole('button', { name: `Remove ${colleague.name}` }).waitFor();
  await panel.getByRole('button', { name: 'Craftsmanship' }).click();
  await panel.getByLabel('Message').fill('Thank you for closing the books with me on Friday.');
  await panel.getByLabel('Message').press('Control+Enter');
  await panel.locator('#composer-status', { hasText: `Thanks sent to ${colleague.name}` }).waitFor();
  await noDemo(panel);

  // Finance's manager finds the thank-you on the managers' page.
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await signIn(panel, server.url, managerCode, manager.name);
  const board = await openLeaderboard(b);
  const row = board.locator('#leaderboard-table tr', { hasText: colleague.name });
  await row.waitFor();
  expect(await row.locator('th, td').allTextContents()).toEqual(['1', colleague.name, '1', '1', '1']);
  // Under the company's own value.
  await board.locator('#value').selectOption({ label: 'Craftsmanship' });
  await board.locator('.result[aria-busy="false"]').waitFor();
  await expect.poll(() => board.locator('#leaderboard-table tbody th').allTextContents()).toEqual([colleague.name]);
  await noDemo(board);
  await board.screenshot({ path: join(shots, 'leaderboard.png') });
});
