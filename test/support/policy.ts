import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README's policy JSON that follows `heading` ("Roll out to your company"), pointing at `serverUrl`: the
 * tests use the documented policies themselves, so the documentation cannot drift from what works.
 */
export function readmePolicy(heading: string, serverUrl: string): Record<string, unknown> {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(heading);
  const block = /```json\n([\s\S]*?)```/.exec(readme.slice(start));
  if (start < 0 || !block) throw new Error(`[e2e] no policy JSON after "${heading}" in README.md`);
  return JSON.parse(block[1].replaceAll('https://tandem.example.com', serverUrl));
}

/**
 * Where Chromium reads machine-wide managed policies: Debian's chromium reads /etc/chromium; Google Chrome on
 * Linux reads /etc/opt/chrome (set CHROMIUM_POLICY_DIR for it).
 */
export const chromiumPolicyDir = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Whether this user may write the policy directory (root in CI); it is created when missing. */
export function canWritePolicies(): boolean {
  try {
    mkdirSync(chromiumPolicyDir, { recursive: true });
    accessSync(chromiumPolicyDir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a Chromium policy file (as an administrator's would) and returns the function that removes it. Its
 * `3rdparty` section names only Tandem's fixed id: other extensions, and builds of Tandem loaded with another id,
 * see nothing. The e2e project runs one file at a time, so no other test sees it.
 */
export function writeChromiumPolicy(policy: Record<string, unknown>): () => void {
  writeFileSync(policyFile, JSON.stringify(policy, null, 2));
  written = true;
  return () => {
    rmSync(policyFile, { force: true });
    written = false;
  };
}

const policyFile = join(chromiumPolicyDir, 'tandem-e2e.json');
let written = false;

/** Removes a policy file a crashed run left behind, so it cannot hide the address field from other tests. */
export function removeStalePolicy(): void {
  if (!written) rmSync(policyFile, { force: true });
}

/**
 * A Firefox policies.json for one run, without touching the machine's Firefox: Firefox reads the file named by
 * the pref `browser.policies.alternatePath` when it runs under automation (the pref below, and
 * MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 in its environment) and no machine-wide policies.json exists
 * (/etc/firefox-esr/policies/, or distribution/ beside the binary), which then wins.
 */
export function firefoxPolicyPrefs(file: string, policies: Record<string, unknown>) {
  writeFileSync(file, JSON.stringify(policies, null, 2));
  return {
    prefs: {
      'browser.policies.alternatePath': file,
      'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
    },
    env: { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
  };
}
