import * as z from 'zod';
import { createdOrganisationSchema, newOrganisationSchema, orgIdSchema } from '../../../shared/organisations.ts';
import type { Operation } from './operations.ts';

const demoCodes = z.object({
  orgId: z.string(),
  codes: z.object({ member: z.string(), payroll: z.string(), manager: z.string(), admin: z.string() }),
});

/** Operator routes: answered only where the deployment sets SETUP_TOKEN (the Worker); 404 elsewhere. */
export const setupOperations: Operation[] = [
  {
    method: 'post',
    path: '/v1/setup/organisations',
    summary:
      'Create an organisation with no demo data and its first admin, who gets a one-time code and /join link ' +
      '(operators: Authorization: Bearer <SETUP_TOKEN>; the id is made from the name)',
    tag: 'Setup',
    setup: true,
    body: newOrganisationSchema,
    responses: { 201: { description: 'Created', schema: createdOrganisationSchema } },
  },
  {
    method: 'post',
    path: '/v1/setup/demo',
    summary: 'Create the demo organisation under this id, with reusable sign-in codes (operators, SETUP_TOKEN)',
    tag: 'Setup',
    setup: true,
    body: z.object({ orgId: orgIdSchema }),
    responses: { 201: { description: 'Created, with the demo sign-in codes', schema: demoCodes } },
  },
];
