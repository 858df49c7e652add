-- The search index's triggers, rewritten to re-copy a claim's row by id (issue 4, found by
-- `npm run bench`, decision 011). 0002 selected from claim_search_documents with
-- `WHERE id IN (SELECT …)`; without table statistics SQLite planned that as a walk over
-- every live claim, so each edit, note or piece of evidence cost a scan of the desk.
-- Joining the view to the claims that changed is planned as a lookup by id. Triggers
-- cannot share a procedure, hence the repetition; each re-copies the rows it names.
DROP VIEW claim_search_documents;
--> statement-breakpoint
CREATE VIEW claim_search_documents AS
SELECT
  c.id AS id,
  c.text AS text,
  coalesce(c.quote, '') AS quote,
  coalesce((SELECT group_concat(a.alias, ' · ') FROM speaker_aliases a WHERE a.speaker_id = c.speaker_id), '') AS speaker,
  coalesce((
    SELECT group_concat(s.title || coalesce(' · ' || s.outlet, ''), ' · ')
    FROM sources s
    WHERE s.id = c.source_id
       OR s.id IN (SELECT e.source_id FROM evidence e WHERE e.claim_id = c.id AND e.deleted_at IS NULL)
  ), '') AS source,
  coalesce((SELECT group_concat(n.body, ' · ') FROM annotations n WHERE n.claim_id = c.id AND n.deleted_at IS NULL), '') AS notes
FROM claims c
-- Unary + keeps the planner from driving the lookup by the deleted_at index (every live claim).
WHERE +c.deleted_at IS NULL;
--> statement-breakpoint
DROP TRIGGER claims_fts_after_insert;
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_insert AFTER INSERT ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id = NEW.id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.id = NEW.id;
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_after_update;
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_update AFTER UPDATE OF text, quote, speaker_id, source_id, deleted_at ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id = NEW.id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.id = NEW.id;
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_alias_insert;
--> statement-breakpoint
CREATE TRIGGER claims_fts_alias_insert AFTER INSERT ON speaker_aliases BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = NEW.speaker_id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.speaker_id = NEW.speaker_id;
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_alias_update;
--> statement-breakpoint
CREATE TRIGGER claims_fts_alias_update AFTER UPDATE ON speaker_aliases BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id IN (OLD.speaker_id, NEW.speaker_id));
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.speaker_id IN (OLD.speaker_id, NEW.speaker_id);
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_alias_delete;
--> statement-breakpoint
CREATE TRIGGER claims_fts_alias_delete AFTER DELETE ON speaker_aliases BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = OLD.speaker_id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.speaker_id = OLD.speaker_id;
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_source_update;
--> statement-breakpoint
CREATE TRIGGER claims_fts_source_update AFTER UPDATE OF title, outlet ON sources BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE source_id = NEW.id OR id IN (SELECT claim_id FROM evidence WHERE source_id = NEW.id));
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.id IN (SELECT id FROM claims WHERE source_id = NEW.id UNION SELECT claim_id FROM evidence WHERE source_id = NEW.id);
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_evidence_insert;
--> statement-breakpoint
CREATE TRIGGER claims_fts_evidence_insert AFTER INSERT ON evidence BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id = NEW.claim_id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.id = NEW.claim_id;
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_evidence_update;
--> statement-breakpoint
CREATE TRIGGER claims_fts_evidence_update AFTER UPDATE OF source_id, claim_id, deleted_at ON evidence BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id IN (OLD.claim_id, NEW.claim_id));
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.id IN (OLD.claim_id, NEW.claim_id);
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_note_insert;
--> statement-breakpoint
CREATE TRIGGER claims_fts_note_insert AFTER INSERT ON annotations BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id = NEW.claim_id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.id = NEW.claim_id;
END;
--> statement-breakpoint
DROP TRIGGER claims_fts_note_update;
--> statement-breakpoint
CREATE TRIGGER claims_fts_note_update AFTER UPDATE OF body, claim_id, deleted_at ON annotations BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id IN (OLD.claim_id, NEW.claim_id));
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT d.id, d.text, d.quote, d.speaker, d.source, d.notes
    FROM claims x JOIN claim_search_documents d ON d.id = x.id WHERE x.id IN (OLD.claim_id, NEW.claim_id);
END;
