import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromeId } from '../../extension/utils/extension-ids.ts';

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
 * Writes a Chromium policy file that sets Tandem's managed storage (as an administrator's policy would) and
 * returns the function that removes it. The file names only Tandem's fixed id: other extensions, and builds of
 * Tandem loaded with another id, see nothing. The e2e project runs one file at a time, so no other test sees it.
 */
export function writeChromiumPolicy(managed: Record<string, unknown>): () => void {
  const file = join(chromiumPolicyDir, 'tandem-e2e.json');
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [chromeId]: managed } } }, null, 2));
  return () => rmSync(file, { force: true });
}

/**
 * A Firefox policies.json for one run, without touching the machine's Firefox: Firefox reads the file named by
 * the pref `browser.policies.alternatePath` when it runs under automation (the pref below, and
 * MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 in its environment) and no machine-wide policies.json exists
 * (/etc/firefox-esr/policies/, or distribution/ beside the binary), which then wins.
 */
export function firefoxPolicyPrefs(file: string, geckoId: string, managed: Record<string, unknown>) {
  writeFileSync(file, JSON.stringify({ policies: { '3rdparty': { Extensions: { [geckoId]: managed } } } }, null, 2));
  return {
    prefs: {
      'browser.policies.alternatePath': file,
      'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
    },
    env: { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
  };
}
