import { useEffect, useState } from 'preact/hooks';
import { reason } from '../../ui/notices.tsx';
import type { ImportResult } from '../../utils/api.ts';
import { useSettings } from './settings-context.ts';

export type DeactivationPreview =
  | { state: 'off' }
  | { state: 'checking'; csv: string }
  | { state: 'ready'; csv: string; result: ImportResult }
  | { state: 'failed'; csv: string; message: string };

/**
 * Who an import with "deactivate people not in this file" would deactivate: the server's dry run of
 * that very import (it changes nothing), asked again whenever the file or `version` changes.
 */
export function useDeactivationPreview(enabled: boolean, csv: string, version: number): DeactivationPreview {
  const { client } = useSettings();
  const [preview, setPreview] = useState<DeactivationPreview>({ state: 'off' });
  useEffect(() => {
    if (!enabled) return setPreview({ state: 'off' });
    let current = true;
    setPreview({ state: 'checking', csv });
    client.importPeople(csv, { deactivateMissing: true, dryRun: true }).then(
      (result) => current && setPreview({ state: 'ready', csv, result }),
      (e) => current && setPreview({ state: 'failed', csv, message: reason(e) }),
    );
    return () => {
      current = false;
    };
  }, [enabled, csv, version, client]);
  return preview;
}
