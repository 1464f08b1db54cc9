import { digestQuerySchema, digestSchema } from '../../../shared/digest.ts';
import {
  handoffsSchema,
  insightsQuerySchema,
  leaderboardQuerySchema,
  leaderboardSchema,
  serviceSchema,
  trendsQuerySchema,
  trendsSchema,
  unsungSchema,
} from '../../../shared/leaderboard.ts';
import type { Operation } from './operations.ts';

/** The managers' page: recognition, service insights, hand-offs, trends, the weekly digest. Managers and admins. */
export const insightsOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/leaderboard',
    summary: 'Recognition: people or departments by thanks received or given, per period, department and value',
    tag: 'Managers',
    query: leaderboardQuerySchema,
    responses: { 200: { description: 'Leaderboard', schema: leaderboardSchema } },
  },
  {
    method: 'get',
    path: '/v1/insights/service',
    summary: 'Service per department: times against the standard, ratings, expectations, backlog, overdue',
    tag: 'Managers',
    query: insightsQuerySchema,
    responses: { 200: { description: 'Service insights', schema: serviceSchema } },
  },
  {
    method: 'get',
    path: '/v1/insights/handoffs',
    summary:
      "Requester's department × serving department: volume, median time, forwards, bounces, and per pair the causes of what broke (reopens, bounces, declines, low ratings)",
    tag: 'Managers',
    query: insightsQuerySchema,
    responses: { 200: { description: 'Hand-off map', schema: handoffsSchema } },
  },
  {
    method: 'get',
    path: '/v1/insights/unsung',
    summary: 'People who serve many asks and are rarely thanked',
    tag: 'Managers',
    query: insightsQuerySchema,
    responses: { 200: { description: 'Unsung helpers', schema: unsungSchema } },
  },
  {
    method: 'get',
    path: '/v1/insights/trends',
    summary: 'Week by week: thanks, asks received and resolved, median resolution, share within standard',
    tag: 'Managers',
    query: trendsQuerySchema,
    responses: { 200: { description: 'Trends', schema: trendsSchema } },
  },
  {
    method: 'get',
    path: '/v1/digest',
    summary: "A manager's weekly digest, as JSON, or rendered for email (format=html) or chat (format=text)",
    tag: 'Managers',
    query: digestQuerySchema,
    responses: { 200: { description: 'The digest', schema: digestSchema, text: ['text/html', 'text/plain'] } },
  },
];
