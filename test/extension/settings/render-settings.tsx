import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { vi } from 'vitest';
import { Settings, type SettingsContext } from '../../../extension/entrypoints/settings/settings-context.ts';
import type { Api, DepartmentItem } from '../../../extension/utils/api.ts';

/**
 * Renders a settings section as the page does, with an API whose methods the test gives (each one a
 * vi.fn, so calls can be checked); `failed` and `signedOut` are spies too.
 */
export function renderSection(ui: ComponentChildren, client: Partial<Api>, departments: DepartmentItem[] = []) {
  const ctx: SettingsContext = {
    client: client as Api,
    departments: { get: async () => departments, invalidate: vi.fn() },
    failed: vi.fn(),
    signedOut: vi.fn(),
  };
  return { ctx, ...render(<Settings.Provider value={ctx}>{ui}</Settings.Provider>) };
}
