// The search index for claims written in bulk. The index's triggers (migrations 0002 and
// 0005) re-copy a claim's document on every insert into claims and into evidence, so a
// claim with two pieces of evidence is indexed three times; at 100k imported claims that
// is most of the import's time. Inside the import's transaction those insert triggers are
// set aside and every new claim is indexed once at the end, from the same
// claim_search_documents view the triggers copy from: the index ends up as the triggers
// would have left it. The triggers are put back, from their own stored definitions,
// before the transaction commits; if it rolls back, so does setting them aside.
import { sql } from 'drizzle-orm'
import type { Tx } from '#db/types.ts'

/** The search triggers that fire on the inserts an import makes. */
function searchInsertTriggers(tx: Tx) {
  return tx.all<{ name: string; sql: string }>(sql`
    select name, sql from sqlite_master
    where type = 'trigger' and tbl_name in ('claims', 'evidence') and name like 'claims\\_fts\\_%' escape '\\'
      and sql like '%after insert on%'`)
}

/**
 * Runs `write`, which inserts claims with ids from `firstId` to `lastId` (and their
 * evidence), with the search index's insert triggers set aside, then indexes those
 * claims in one statement.
 */
export function indexClaimsAfter<T>(tx: Tx, ids: { firstId: number; lastId: number }, write: () => T): T {
  const triggers = searchInsertTriggers(tx)
  for (const trigger of triggers) tx.run(sql.raw(`drop trigger "${trigger.name}"`))
  try {
    const result = write()
    tx.run(sql`
      insert into claims_fts(rowid, text, quote, speaker, source, notes)
      select d.id, d.text, d.quote, d.speaker, d.source, d.notes
      from claims x join claim_search_documents d on d.id = x.id
      where x.id between ${ids.firstId} and ${ids.lastId}`)
    return result
  } finally {
    // Checked first: a failure that already rolled the transaction back brought them back.
    for (const trigger of triggers) {
      const present = tx.get(sql`select 1 from sqlite_master where type = 'trigger' and name = ${trigger.name}`)
      if (!present) tx.run(sql.raw(trigger.sql))
    }
  }
}
