import {
  notificationPrefsSchema,
  notificationsQuerySchema,
  notificationsSchema,
} from '../../../shared/notifications.ts';
import type { Operation } from './operations.ts';

/** Browser notifications: what each person is told, and their own preferences. */
export const notificationOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/notifications',
    summary:
      'What I should be told since event `after`: new asks to me or my departments, replies and status changes on ' +
      'my asks, thank-yous to me, my departments’ asks due within the hour or overdue; never my own actions. Page ' +
      'with `last` while `more`; `quiet` when I am in my quiet hours',
    tag: 'Notifications',
    query: notificationsQuerySchema,
    responses: { 200: { description: 'Items since the cursor', schema: notificationsSchema } },
  },
  {
    method: 'get',
    path: '/v1/me/notifications/preferences',
    summary: 'My notification preferences (everything on by default, in my department’s time zone)',
    tag: 'Notifications',
    responses: { 200: { description: 'My preferences', schema: notificationPrefsSchema } },
  },
  {
    method: 'put',
    path: '/v1/me/notifications/preferences',
    summary: 'Replace my notification preferences: each kind on or off, quiet hours (HH:MM to HH:MM) and time zone',
    tag: 'Notifications',
    body: notificationPrefsSchema,
    responses: { 200: { description: 'My preferences', schema: notificationPrefsSchema } },
  },
];
