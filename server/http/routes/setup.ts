import * as z from 'zod';
import { newOrganisationSchema, orgIdSchema } from '../../../shared/organisations.ts';
import type { Ledgers } from '../../core/remote.ts';
import { createOrganisation } from '../../setup/create-organisation.ts';
import { createDemoOrganisation } from '../../setup/organisation.ts';
import { ApiError } from '../errors.ts';
import { Hono } from '../hono.ts';
import { requireSetupToken } from '../setup-token.ts';
import { validate } from '../validate.ts';

/**
 * Operator setup, for the Worker where there is no console to run the CLI from: guarded by the
 * deployment's SETUP_TOKEN secret, absent when none is configured.
 */
export const setupRoutes = (ledgers: Ledgers, setupToken: string | undefined) =>
  new Hono()
    .use('*', requireSetupToken(setupToken))
    .post('/organisations', validate('json', newOrganisationSchema), async (c) =>
      c.json(await createOrganisation(ledgers, c.req.valid('json'), new URL(c.req.url).origin), 201),
    )
    .post('/demo', validate('json', z.object({ orgId: orgIdSchema })), async (c) => {
      const { orgId } = c.req.valid('json');
      if (await ledgers.open(orgId)) throw new ApiError('conflict', `Organisation ${orgId} already exists`);
      return c.json({ orgId, codes: await createDemoOrganisation(ledgers, orgId) }, 201);
    });
