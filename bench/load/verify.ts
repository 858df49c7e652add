// After the run, with the server stopped: is every write the desk acknowledged in the
// database, and did no edit silently replace another? Read from the file directly, so the
// answer does not depend on the app that is under test.
import Database from 'better-sqlite3'
import type { ReviewMove } from '#app/domain/vocabulary.ts'
import type { DeskSample } from './desk.ts'
import { statusReasonOpening, type AcknowledgedWrite } from './traffic.ts'

export type Check = { name: string; checked: number; failures: string[] }

const statusAfterMove: Record<'start' | 'send_back' | 'reject', string> = {
  start: 'researching',
  send_back: 'researching',
  reject: 'rejected',
}

type Of<T extends AcknowledgedWrite['type']> = Extract<AcknowledgedWrite, { type: T }>

export function verifyLedger(file: string, desk: DeskSample, ledger: AcknowledgedWrite[]): Check[] {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const userIds = new Map(
      (sqlite.prepare(`select id, email from users`).all() as Array<{ id: string; email: string }>).map((u) => [
        u.email,
        u.id,
      ]),
    )
    const of = <T extends AcknowledgedWrite['type']>(type: T) => ledger.filter((w): w is Of<T> => w.type === type)
    const eventsAfterStart = (type: string) =>
      (
        sqlite
          .prepare(`select claim_id as claimId, actor_id as actorId, after from claim_events where id > ? and type = ?`)
          .all(desk.before.eventId, type) as Array<{ claimId: number; actorId: string | null; after: string | null }>
      ).map((e) => ({ ...e, after: (e.after ? JSON.parse(e.after) : {}) as Record<string, unknown> }))

    // Created claims: there, as written, by whoever was told so, and nothing else new.
    const created: Check = { name: 'created claims are in the database as written', checked: 0, failures: [] }
    const claimById = sqlite.prepare(
      `select id, text, created_by as createdBy, deleted_at as deletedAt from claims where id = ?`,
    )
    const createdEvents = eventsAfterStart('created')
    for (const write of of('create')) {
      created.checked++
      const row = claimById.get(write.claimId) as
        { text: string; createdBy: string; deletedAt: number | null } | undefined
      if (!row) created.failures.push(`Claim #${write.claimId} was acknowledged as created but is not there.`)
      else if (row.text !== write.text)
        created.failures.push(`Claim #${write.claimId} does not have the text it was created with.`)
      else if (row.createdBy !== userIds.get(write.email))
        created.failures.push(`Claim #${write.claimId} is not attributed to ${write.email}.`)
      else if (!createdEvents.some((e) => e.claimId === write.claimId))
        created.failures.push(`Claim #${write.claimId} has no “created” history event.`)
    }
    const newClaims = (
      sqlite.prepare(`select count(*) as n from claims where id > ?`).get(desk.before.claimId) as { n: number }
    ).n
    if (newClaims !== of('create').length) {
      created.failures.push(`${newClaims} claims were added during the run, ${of('create').length} acknowledged.`)
    }

    const notes: Check = { name: 'acknowledged notes are in the database', checked: 0, failures: [] }
    const noteOn = sqlite.prepare(
      `select id from annotations where claim_id = ? and body = ? and created_by = ? and deleted_at is null`,
    )
    for (const write of of('note')) {
      notes.checked++
      if (!noteOn.get(write.claimId, write.body, userIds.get(write.email))) {
        notes.failures.push(`The note “${write.body.slice(0, 60)}…” on claim #${write.claimId} is not there.`)
      }
    }
    const newNotes = (
      sqlite.prepare(`select count(*) as n from annotations where id > ?`).get(desk.before.annotationId) as {
        n: number
      }
    ).n
    if (newNotes !== of('note').length)
      notes.failures.push(`${newNotes} notes were added during the run, ${of('note').length} acknowledged.`)

    // The contended claims. Each acknowledged edit or status change named the version it was
    // made from; if none was silently overwritten and none lost, those versions are exactly
    // the versions the claim went through, one after the other, and the last edit's text stands.
    const versions: Check = { name: 'contended claims: no edit overwritten, none lost', checked: 0, failures: [] }
    const claimNow = sqlite.prepare(`select version, text, status from claims where id = ?`)
    for (const hot of desk.hot) {
      const writes = [...of('edit'), ...of('status change')]
        .filter((w) => w.claimId === hot.id)
        .sort((a, b) => a.versionSent - b.versionSent)
      versions.checked++
      const now = claimNow.get(hot.id) as { version: number; text: string; status: string }
      const expected = writes.map((_, i) => hot.version + i)
      const sent = writes.map((w) => w.versionSent)
      if (sent.join() !== expected.join()) {
        const twice = sent.filter((v, i) => sent.indexOf(v) !== i)
        versions.failures.push(
          twice.length
            ? `Claim #${hot.id}: two acknowledged writes were both made from version ${twice[0]}; one overwrote the other.`
            : `Claim #${hot.id}: acknowledged writes were made from versions ${sent.join(', ')}, expected ${expected.join(', ')}.`,
        )
      }
      if (now.version !== hot.version + writes.length) {
        versions.failures.push(
          `Claim #${hot.id} is at version ${now.version}: ${hot.version} before the run plus ${writes.length} acknowledged writes would be ${hot.version + writes.length}.`,
        )
      }
      const lastEdit = writes.filter((w): w is Of<'edit'> => w.type === 'edit').at(-1)
      if (now.text !== (lastEdit?.text ?? hot.text)) {
        versions.failures.push(`Claim #${hot.id} does not have the text of its last acknowledged edit.`)
      }
      const last = writes.at(-1)
      if (last?.type === 'status change') {
        const status = statusAfterMove[last.move as keyof typeof statusAfterMove]
        if (now.status !== status)
          versions.failures.push(`Claim #${hot.id} is ${now.status}; its last move (${last.move}) made it ${status}.`)
      }
    }

    // History: every acknowledged write has its event, and refused ones left none.
    const history: Check = {
      name: 'every acknowledged edit and status change has its history event',
      checked: 0,
      failures: [],
    }
    const updated = eventsAfterStart('updated')
    for (const write of of('edit')) {
      history.checked++
      const found = updated.some(
        (e) => e.claimId === write.claimId && e.actorId === userIds.get(write.email) && e.after.text === write.text,
      )
      if (!found)
        history.failures.push(
          `The edit of claim #${write.claimId} from version ${write.versionSent} has no history event.`,
        )
    }
    if (updated.length !== of('edit').length) {
      history.failures.push(`${updated.length} edits are in the history, ${of('edit').length} were acknowledged.`)
    }
    const moves = eventsAfterStart('status_changed').filter((e) => typeof e.after.reason === 'string')
    for (const write of of('status change')) {
      history.checked++
      const found = moves.some(
        (e) =>
          e.claimId === write.claimId &&
          e.actorId === userIds.get(write.email) &&
          e.after.reason === write.reason &&
          e.after.status === statusAfterMove[write.move as Exclude<ReviewMove, 'submit' | 'approve'>],
      )
      if (!found)
        history.failures.push(
          `The status change of claim #${write.claimId} from version ${write.versionSent} has no history event.`,
        )
    }
    const movedByHand = moves.filter((e) => String(e.after.reason).startsWith(statusReasonOpening)).length
    if (movedByHand !== of('status change').length) {
      history.failures.push(
        `${movedByHand} status changes are in the history, ${of('status change').length} were acknowledged.`,
      )
    }
    return [created, notes, versions, history]
  } finally {
    sqlite.close()
  }
}
