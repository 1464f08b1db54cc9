import {
  importRequestSchema,
  importResultSchema,
  invitationRequestSchema,
  invitationSchema,
  newDepartmentSchema,
  newPersonSchema,
  peopleQuerySchema,
  peopleSchema,
  updatePersonSchema,
} from '../../../shared/admin.ts';
import { departmentSchema, personSchema } from '../../../shared/people.ts';
import type { Operation } from './operations.ts';

/** Administration: people, departments, invitations, CSV import. Admins only. */
export const adminOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/people',
    summary: 'People, inactive ones included on request (admins)',
    tag: 'Administration',
    query: peopleQuerySchema,
    responses: { 200: { description: 'People', schema: peopleSchema } },
  },
  {
    method: 'post',
    path: '/v1/people',
    summary: 'Add a person (admins)',
    tag: 'Administration',
    idempotent: true,
    body: newPersonSchema,
    responses: { 201: { description: 'Added', schema: personSchema } },
  },
  {
    method: 'patch',
    path: '/v1/people/{id}',
    summary: 'Edit or deactivate a person; deactivation revokes their tokens (admins)',
    tag: 'Administration',
    body: updatePersonSchema,
    responses: { 200: { description: 'The person', schema: personSchema } },
  },
  {
    method: 'post',
    path: '/v1/people/import',
    summary:
      'Import people from an HR export (CSV: name, email, title, departments separated by ;, role); all rows or none. ' +
      'deactivateMissing: deactivate the active people not in the file (never the importer); dryRun: what it would do, changing nothing',
    tag: 'Administration',
    body: importRequestSchema,
    responses: { 200: { description: 'What changed', schema: importResultSchema } },
  },
  {
    method: 'post',
    path: '/v1/invitations',
    summary: 'A one-time sign-in code and link for a person (admins)',
    tag: 'Administration',
    body: invitationRequestSchema,
    responses: { 201: { description: 'The invitation', schema: invitationSchema } },
  },
  {
    method: 'post',
    path: '/v1/departments',
    summary: 'Create a department with its service standard (admins)',
    tag: 'Administration',
    idempotent: true,
    body: newDepartmentSchema,
    responses: { 201: { description: 'Created', schema: departmentSchema } },
  },
];
