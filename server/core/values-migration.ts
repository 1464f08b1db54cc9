/**
 * Migration 16: company values the organisation keeps (values.ts). Values get an order (by name, as they were
 * shown) and a retirement date; values seeded before it had no event, so each gets its value.added and a replay
 * finds them; thank-yous keep their values' ids (from their thank.created event) to show current names.
 */
export const valuesMigration = `
  ALTER TABLE company_values ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE company_values ADD COLUMN retired_at TEXT;
  UPDATE company_values SET position = (SELECT COUNT(*) FROM company_values c WHERE c.name < company_values.name);
  INSERT INTO events (type, actor_id, subject_id, data, at)
    SELECT 'value.added', NULL, id, json_object('name', name, 'position', position), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM company_values ORDER BY position;
  ALTER TABLE thanks ADD COLUMN value_ids TEXT NOT NULL DEFAULT '[]';
  UPDATE thanks SET value_ids = COALESCE(
    (SELECT json_extract(e.data, '$.values') FROM events e WHERE e.seq = thanks.seq AND e.type = 'thank.created'), '[]');
  `;
