import type { LedgerContext, Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { countWrite } from './limits.ts';

/*
 * Which screenshots were uploaded, by whom and when, and which ask attached them: the blobs live in
 * blob storage (blobs/screenshots.ts), their bookkeeping here, so that attaching one and removing it are
 * decided in one transaction each and never both. A screenshot no ask attached within a day is
 * removed by the runtime's periodic sweep (blobs/sweep.ts); one an ask attached never is.
 */

/** How long an upload waits for its ask. */
export const unattachedScreenshotMs = 86_400_000;
/** How long a removed screenshot is remembered, so a late ask attaching it is refused, not broken. */
const rememberRemovedMs = 30 * 86_400_000;

export interface ScreenshotRef {
  personId: string;
  id: string;
}

/** An upload: a write (it counts against the writes-per-minute limit); uploading it again restarts its day. */
export function recordScreenshot(ctx: LedgerContext, who: Principal, id: string): void {
  ctx.sql.transaction(() => {
    countWrite(ctx, who);
    ctx.sql.run(
      `INSERT INTO screenshots (person_id, id, uploaded_at) VALUES (?, ?, ?)
       ON CONFLICT (person_id, id) DO UPDATE SET uploaded_at = excluded.uploaded_at, swept_at = NULL, removed = 0`,
      who.personId,
      id,
      ctx.now().toISOString(),
    );
  });
}

/** Attaches a screenshot to a new ask, inside the ask's transaction: from now on it is kept. */
export function attachScreenshot(ctx: LedgerContext, personId: string, id: string, askId: string): void {
  const row = ctx.sql.one<{ ask_id: string | null; swept_at: string | null }>(
    'SELECT ask_id, swept_at FROM screenshots WHERE person_id = ? AND id = ?',
    personId,
    id,
  );
  if (row?.swept_at) {
    throw new LedgerError('validation_failed', 'Upload the screenshot again', {
      'context.screenshot': 'This screenshot was removed a day after its upload: upload it again',
    });
  }
  // No row: uploaded before uploads were recorded; the HTTP layer has checked the blob exists.
  if (row && row.ask_id === null) {
    ctx.sql.run('UPDATE screenshots SET ask_id = ? WHERE person_id = ? AND id = ?', askId, personId, id);
  }
}

/**
 * Claims the uploads no ask attached within a day, and answers every claimed upload whose blob is not
 * yet confirmed removed (a sweep that stopped half way is finished by the next one).
 */
export function screenshotsToRemove(ctx: LedgerContext, limit = 100): ScreenshotRef[] {
  return ctx.sql.transaction(() => {
    const now = ctx.now().getTime();
    const at = new Date(now).toISOString();
    ctx.sql.run(
      'UPDATE screenshots SET swept_at = ? WHERE ask_id IS NULL AND swept_at IS NULL AND uploaded_at <= ?',
      at,
      new Date(now - unattachedScreenshotMs).toISOString(),
    );
    ctx.sql.run(
      'DELETE FROM screenshots WHERE removed = 1 AND swept_at <= ?',
      new Date(now - rememberRemovedMs).toISOString(),
    );
    return ctx.sql.all<ScreenshotRef>(
      `SELECT person_id AS personId, id FROM screenshots WHERE swept_at IS NOT NULL AND removed = 0 LIMIT ?`,
      limit,
    );
  });
}

/** The runtime removed these blobs. */
export function screenshotsRemoved(ctx: LedgerContext, refs: ScreenshotRef[]): void {
  ctx.sql.transaction(() => {
    for (const r of refs) {
      ctx.sql.run('UPDATE screenshots SET removed = 1 WHERE person_id = ? AND id = ?', r.personId, r.id);
    }
  });
}

/** When the next unattached upload falls due for removal (now, if a sweep is unfinished), or null. */
export function nextScreenshotRemoval(ctx: LedgerContext): string | null {
  if (ctx.sql.one('SELECT 1 AS x FROM screenshots WHERE swept_at IS NOT NULL AND removed = 0 LIMIT 1')) {
    return ctx.now().toISOString();
  }
  const row = ctx.sql.one<{ at: string | null }>(
    'SELECT MIN(uploaded_at) AS at FROM screenshots WHERE ask_id IS NULL AND swept_at IS NULL',
  );
  return row?.at ? new Date(Date.parse(row.at) + unattachedScreenshotMs).toISOString() : null;
}
