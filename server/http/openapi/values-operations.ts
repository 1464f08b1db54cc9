import {
  newValueSchema,
  updateValueSchema,
  valueItemSchema,
  valueOrderSchema,
  valuesQuerySchema,
  valuesSchema,
} from '../../../shared/values.ts';
import type { Operation } from './operations.ts';

/** Company values: read by everyone, kept by admins. */
export const valuesOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/values',
    summary: 'Active company values in order; with all=1, retired ones after them (managers and admins)',
    tag: 'Values',
    query: valuesQuerySchema,
    responses: { 200: { description: 'Values', schema: valuesSchema } },
  },
  {
    method: 'post',
    path: '/v1/values',
    summary: 'Add a value at the end of the order; names are unique whatever their case or accents (admins)',
    tag: 'Values',
    idempotent: true,
    body: newValueSchema,
    responses: { 201: { description: 'Added', schema: valueItemSchema } },
  },
  {
    method: 'patch',
    path: '/v1/values/{id}',
    summary:
      'Rename a value, or retire it (true) or restore it (false): one change per call. A retired value stays on ' +
      'thank-yous and in reports but cannot be given (admins)',
    tag: 'Values',
    body: updateValueSchema,
    responses: { 200: { description: 'The value', schema: valueItemSchema } },
  },
  {
    method: 'put',
    path: '/v1/values/order',
    summary: 'Order the active values: every active id once (admins)',
    tag: 'Values',
    body: valueOrderSchema,
    responses: { 200: { description: 'Active values in their new order', schema: valuesSchema } },
  },
];
