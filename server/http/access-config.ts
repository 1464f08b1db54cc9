import { type AccessConfig, accessVerifier } from './access.ts';
import { parseExtensions } from './extension-redirects.ts';

/** Cloudflare Access settings as both runtimes read them: wrangler vars on the Worker, TANDEM_ACCESS_* on Node. */
export interface AccessSettings {
  teamDomain?: string;
  audience?: string;
  orgId?: string;
  /** Comma-separated email domains. */
  allowedDomains?: string;
  /** Comma-separated extension ids or redirect URLs allowed to receive company sign-in codes. */
  extensions?: string;
}

/** Access mode is on when the team domain, audience and organisation are set; its keys are cached for the process. */
export function accessFrom(settings: AccessSettings, fetchJwks?: typeof fetch) {
  if (!settings.teamDomain || !settings.audience || !settings.orgId) return undefined;
  const config: AccessConfig = {
    teamDomain: settings.teamDomain,
    audience: settings.audience,
    orgId: settings.orgId,
    allowedDomains: (settings.allowedDomains ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
    extensions: parseExtensions(settings.extensions),
  };
  return { config, verify: accessVerifier(config, fetchJwks) };
}
