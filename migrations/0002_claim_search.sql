-- Full-text search over claims (issue 4). One FTS5 row per live claim, rowid = claim id,
-- holding what an editor may search for: the claim and its quote, every spelling of its
-- speaker, the titles and outlets of its sources, and the notes on it. Triggers keep it in
-- step with every write path; drizzle-kit does not know virtual tables (drizzle.config.ts
-- filters them out), hence this hand-written migration.
CREATE VIRTUAL TABLE claims_fts USING fts5(
  text, quote, speaker, source, notes,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- The claim's own words weigh most, then its speaker, then the rest.
INSERT INTO claims_fts(claims_fts, rank) VALUES ('rank', 'bm25(6.0, 4.0, 3.0, 1.0, 1.0)');
--> statement-breakpoint
-- What the index holds for each live claim; triggers copy rows from here.
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
WHERE c.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes) SELECT id, text, quote, speaker, source, notes FROM claim_search_documents;
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_insert AFTER INSERT ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id = NEW.id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_update AFTER UPDATE OF text, quote, speaker_id, source_id, deleted_at ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id = NEW.id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_delete AFTER DELETE ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_alias_insert AFTER INSERT ON speaker_aliases BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = NEW.speaker_id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE speaker_id = NEW.speaker_id);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_alias_update AFTER UPDATE ON speaker_aliases BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id IN (OLD.speaker_id, NEW.speaker_id));
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE speaker_id IN (OLD.speaker_id, NEW.speaker_id));
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_alias_delete AFTER DELETE ON speaker_aliases BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = OLD.speaker_id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE speaker_id = OLD.speaker_id);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_source_update AFTER UPDATE OF title, outlet ON sources BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE source_id = NEW.id OR id IN (SELECT claim_id FROM evidence WHERE source_id = NEW.id));
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE source_id = NEW.id OR id IN (SELECT claim_id FROM evidence WHERE source_id = NEW.id));
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_evidence_insert AFTER INSERT ON evidence BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id = NEW.claim_id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE id = NEW.claim_id);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_evidence_update AFTER UPDATE OF source_id, claim_id, deleted_at ON evidence BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id IN (OLD.claim_id, NEW.claim_id));
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE id IN (OLD.claim_id, NEW.claim_id));
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_note_insert AFTER INSERT ON annotations BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id = NEW.claim_id);
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE id = NEW.claim_id);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_note_update AFTER UPDATE OF body, claim_id, deleted_at ON annotations BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE id IN (OLD.claim_id, NEW.claim_id));
  INSERT INTO claims_fts(rowid, text, quote, speaker, source, notes)
    SELECT id, text, quote, speaker, source, notes FROM claim_search_documents WHERE id IN (SELECT id FROM claims WHERE id IN (OLD.claim_id, NEW.claim_id));
END;
