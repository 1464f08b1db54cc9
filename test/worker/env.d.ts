import type { Env as TandemEnv } from '../../server/worker/env.ts';

// Types `env` from cloudflare:test and `exports` from cloudflare:workers for the tests in workerd.
declare global {
  namespace Cloudflare {
    interface Env extends TandemEnv {}
    interface GlobalProps {
      mainModule: typeof import('../../server/worker.ts');
    }
  }
}
