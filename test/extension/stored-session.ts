import type { StoredSession } from '../../extension/utils/storage.ts';

/** Ada, a member of the demo organisation, signed in: the background tests' stored session. */
export const storedSession: StoredSession = {
  serverUrl: 'https://tandem.example',
  token: 'tdm_demo_abc123',
  me: {
    org: { id: 'demo', name: 'Demo Org' },
    person: {
      id: 'p1',
      name: 'Ada',
      email: 'a@example.com',
      title: '',
      role: 'member',
      active: true,
      departmentIds: [],
    },
    departments: [],
    values: [],
    preferences: { boardOptOut: false },
  },
};
