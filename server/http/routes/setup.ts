import { Hono } from 'hono';
import * as z from 'zod';
import type { Ledgers } from '../../core/remote.ts';
import { createDemoOrganisation } from '../../setup/organisation.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validate.ts';

/**
 * Operator setup, for the Worker where there is no console to seed from: guarded by the deployment's
 * SETUP_TOKEN secret, absent when none is configured.
 */
export const setupRoutes = (ledgers: Ledgers, setupToken: string | undefined) =>
  new Hono().post(
    '/demo',
    validate('json', z.object({ orgId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Lowercase letters, digits and -') })),
    async (c) => {
      const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (!setupToken || presented !== setupToken) {
        throw new ApiError('unauthenticated', 'Setup needs the deployment setup token');
      }
      const { orgId } = c.req.valid('json');
      if (await ledgers.open(orgId)) throw new ApiError('conflict', `Organisation ${orgId} already exists`);
      return c.json({ orgId, codes: await createDemoOrganisation(ledgers, orgId) }, 201);
    },
  );
