import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api, DepartmentItem } from '../../utils/api.ts';

/** What every settings section uses: the API, the organisation's departments, and what to do on a 401. */
export interface SettingsContext {
  client: Api;
  /** Shared by People, Departments and Import; invalidated when any of them changes departments. */
  departments: { get(): Promise<DepartmentItem[]>; invalidate(): void };
  /** Every failed call passes through here: a 401 signs the page out. */
  failed(e: unknown): void;
  /** This browser is signed out (by the person, here): forget the session and say why. */
  signedOut(notice: string): void;
}

export const Settings = createContext<SettingsContext | null>(null);

export function useSettings(): SettingsContext {
  const ctx = useContext(Settings);
  if (!ctx) throw new Error('[tandem] [settings] a section rendered outside the settings page');
  return ctx;
}
