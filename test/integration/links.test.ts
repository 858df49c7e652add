// Cross-links between claims against a real database: every refused case with its
// message and nothing written, the history on both ends, canonical chains, the graph's
// neighbourhood and how a typed reference finds its claim.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createClaim, deleteClaim, getClaim, getClaimDetail } from '#app/domain/claims.server.ts'
import { listClaimEvents } from '#app/domain/history.server.ts'
import {
  canonicalClaimOf,
  claimIdFromReference,
  claimNeighbourhood,
  linkClaims,
  listClaimLinks,
  suggestClaims,
  unlinkClaims,
  type LinkInput,
} from '#app/domain/links.server.ts'
import { FieldError, NotFoundError } from '#app/utils/errors.server.ts'
import { db, getConnection } from '#db/client.ts'
import { claimEvents, claimLinks } from '#db/schema.ts'
import * as claimPage from '#app/routes/claims.$claimId._index/route.tsx'
import * as resourcesClaims from '#app/routes/resources.claims.tsx'
import { formRequest, getRequest, makeUser, signedIn } from '#test/helpers/fixtures.ts'

const editor = await makeUser('editor')
const colleague = await makeUser('editor')
const { sqlite } = getConnection()
const total = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

let counter = 0
function claim(text = `Behauptung Nummer ${++counter}`) {
  return createClaim({ text, language: 'de', tags: [] }, editor.id)
}

function trash(id: number) {
  deleteClaim(id, getClaim(id).version, editor.id)
}

/** The FieldError message for the link form's other-claim field, or a failure if it passed. */
function refusal(input: LinkInput) {
  const before = [total('claim_links'), total('claim_events')]
  try {
    linkClaims(input, editor.id)
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError)
    expect(Object.keys((error as FieldError).fieldErrors)).toEqual(['otherClaim'])
    expect([total('claim_links'), total('claim_events')], 'a refused link writes nothing').toEqual(before)
    return (error as FieldError).fieldErrors.otherClaim![0]
  }
  throw new Error(`The link ${JSON.stringify(input)} was not refused.`)
}

function linkEvents(claimId: number) {
  return db
    .select()
    .from(claimEvents)
    .where(eq(claimEvents.claimId, claimId))
    .all()
    .filter((e) => e.type.startsWith('link_'))
}

describe('refused links', () => {
  test('a claim linked to itself', () => {
    const a = claim()
    expect(refusal({ fromClaimId: a, toClaimId: a, type: 'related' })).toBe(
      'A claim cannot be linked to itself; pick another claim.',
    )
  })

  test('a claim that does not exist', () => {
    const a = claim()
    expect(refusal({ fromClaimId: a, toClaimId: 987654, type: 'supports' })).toBe('There is no claim #987654.')
  })

  test('linking from a claim that does not exist is a not-found, not a form error', () => {
    const a = claim()
    expect(() => linkClaims({ fromClaimId: 987654, toClaimId: a, type: 'supports' }, editor.id)).toThrow(NotFoundError)
  })

  test('to or from a claim in the trash', () => {
    const [a, b] = [claim(), claim()]
    trash(b)
    expect(refusal({ fromClaimId: a, toClaimId: b, type: 'supports' })).toBe(
      `Claim #${b} is in the trash; restore it before linking to it.`,
    )
    expect(refusal({ fromClaimId: b, toClaimId: a, type: 'supports' })).toBe(
      'This claim is in the trash; restore it before linking it.',
    )
  })

  test('the same link twice, and a symmetric one the other way round', () => {
    const [a, b] = [claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'contradicts' }, editor.id)
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'related' }, editor.id)
    expect(refusal({ fromClaimId: a, toClaimId: b, type: 'contradicts', note: 'noch einmal' })).toBe(
      `This link exists already: this claim contradicts #${b}.`,
    )
    expect(refusal({ fromClaimId: b, toClaimId: a, type: 'contradicts' })).toBe(
      `This link exists already: #${a} contradicts this claim, which says the same.`,
    )
    expect(refusal({ fromClaimId: b, toClaimId: a, type: 'related' })).toBe(
      `This link exists already: #${a} is related to this claim, which says the same.`,
    )
  })

  test('supports next to contradicts', () => {
    const [a, b] = [claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'supports' }, editor.id)
    expect(refusal({ fromClaimId: b, toClaimId: a, type: 'contradicts' })).toBe(
      `These claims are already linked: #${a} supports this claim. A claim cannot both support and contradict another; remove that link first.`,
    )
  })

  test('an update both ways', () => {
    const [a, b] = [claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'updates' }, editor.id)
    expect(refusal({ fromClaimId: b, toClaimId: a, type: 'updates' })).toMatch(/An update cannot go both ways/)
  })

  test('a duplicate linked another way too', () => {
    const [a, b] = [claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id)
    expect(refusal({ fromClaimId: b, toClaimId: a, type: 'supports' })).toBe(
      `These claims are already linked: #${a} is a duplicate of this claim. A duplicate is the same claim, so it cannot also be linked another way; remove that link first.`,
    )
  })

  test('a second canonical claim for a duplicate, naming the first', () => {
    const a = claim()
    const b = claim('Schoigu besuchte Pjöngjang für drei Tage zum 70. Jahrestag des Waffenstillstands im Koreakrieg.')
    const c = claim()
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id)
    expect(refusal({ fromClaimId: a, toClaimId: c, type: 'duplicate_of' })).toBe(
      `This claim is already a duplicate of Schoigu besuchte Pjöngjang für drei Tage zum 70. Jahrestag des… (#${b}). A duplicate has one canonical claim: remove that link first.`,
    )
    // The canonical claim in the trash still counts (restoring it brings the link back) and is named so.
    trash(b)
    expect(refusal({ fromClaimId: a, toClaimId: c, type: 'duplicate_of' })).toMatch(
      new RegExp(`\\(#${b}\\), which is in the trash\\. A duplicate has one canonical claim`),
    )
  })

  test('a loop of duplicates, direct or through other claims', () => {
    const [a, b, c] = [claim(), claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id)
    expect(refusal({ fromClaimId: b, toClaimId: a, type: 'duplicate_of' })).toBe(
      `That would make a loop: #${a} is already a duplicate of this claim.`,
    )
    linkClaims({ fromClaimId: b, toClaimId: c, type: 'duplicate_of' }, editor.id)
    expect(refusal({ fromClaimId: c, toClaimId: a, type: 'duplicate_of' })).toBe(
      `That would make a loop: #${a} is already a duplicate of this claim, through #${b}.`,
    )
  })

  test('the database refuses what slips past the rules', () => {
    const a = claim()
    expect(() => db.insert(claimLinks).values({ fromClaimId: a, toClaimId: a, type: 'related' }).run()).toThrow(
      /CHECK constraint/,
    )
  })
})

describe('what linking records', () => {
  test('one event on each claim, each read from its own end, with the same time', () => {
    const a = claim('Nordkorea hat keine Waffen an Russland geliefert.')
    const b = claim('Trümmer nordkoreanischer Raketen wurden in der Ukraine gefunden.')
    const linkId = linkClaims(
      { fromClaimId: b, toClaimId: a, type: 'contradicts', note: '  Trümmerfunde widersprechen dem Dementi.  ' },
      colleague.id,
    )
    const [onB] = linkEvents(b)
    const [onA] = linkEvents(a)
    expect(linkEvents(b)).toHaveLength(1)
    expect(linkEvents(a)).toHaveLength(1)
    expect(onB).toMatchObject({
      type: 'link_added',
      actorId: colleague.id,
      before: null,
      after: {
        relation: 'contradicts',
        claim: `Nordkorea hat keine Waffen an Russland geliefert. (#${a})`,
        note: 'Trümmerfunde widersprechen dem Dementi.',
        linkType: 'contradicts',
        linkId,
      },
    })
    expect(onA).toMatchObject({
      type: 'link_added',
      actorId: colleague.id,
      before: null,
      after: {
        relation: 'is contradicted by',
        claim: `Trümmer nordkoreanischer Raketen wurden in der Ukraine gefunden. (#${b})`,
        note: 'Trümmerfunde widersprechen dem Dementi.',
        linkType: 'contradicts',
        linkId,
      },
    })
    expect(Object.keys(onA!.after!)).toEqual(['relation', 'claim', 'note', 'linkType', 'linkId'])
    expect(onA!.at).toEqual(onB!.at)
    // The timeline lists them like any other change.
    expect(listClaimEvents(a)[0]).toMatchObject({ type: 'link_added', actorName: colleague.name })
  })

  test('a link without a note stores no note', () => {
    const [a, b] = [claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'related', note: '   ' }, editor.id)
    expect(db.select().from(claimLinks).where(eq(claimLinks.fromClaimId, a)).get()?.note).toBeNull()
    expect(linkEvents(a)[0]!.after).toEqual({
      relation: 'is related to',
      claim: expect.stringMatching(new RegExp(`\\(#${b}\\)$`)),
      linkType: 'related',
      linkId: expect.any(Number),
    })
  })

  test('linking does not touch the claims themselves, so an open edit form stays valid', () => {
    const [a, b] = [claim(), claim()]
    const before = [getClaim(a), getClaim(b)].map((c) => [c.version, c.updatedAt.getTime()])
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'updates' }, editor.id)
    expect([getClaim(a), getClaim(b)].map((c) => [c.version, c.updatedAt.getTime()])).toEqual(before)
  })
})

describe('removing links', () => {
  test('soft-deletes the link and records the removal on both ends', () => {
    const [a, b] = [claim(), claim()]
    const linkId = linkClaims({ fromClaimId: a, toClaimId: b, type: 'supports', note: 'Beleg' }, editor.id)
    unlinkClaims(b, linkId, colleague.id)
    const row = db.select().from(claimLinks).where(eq(claimLinks.id, linkId)).get()
    expect(row).toMatchObject({ deletedById: colleague.id, deletedAt: expect.any(Date) })
    expect(listClaimLinks(a)).toEqual([])
    expect(listClaimLinks(b)).toEqual([])
    const removedOnA = linkEvents(a).filter((e) => e.type === 'link_removed')
    const removedOnB = linkEvents(b).filter((e) => e.type === 'link_removed')
    expect(removedOnA).toHaveLength(1)
    expect(removedOnB).toHaveLength(1)
    expect(removedOnA[0]).toMatchObject({
      actorId: colleague.id,
      after: null,
      before: { relation: 'supports', note: 'Beleg', linkType: 'supports', linkId },
    })
    expect(removedOnB[0]).toMatchObject({
      actorId: colleague.id,
      after: null,
      before: { relation: 'is supported by', note: 'Beleg', linkType: 'supports', linkId },
    })
  })

  test('a second removal changes nothing; an unknown link is not found', () => {
    const [a, b] = [claim(), claim()]
    const linkId = linkClaims({ fromClaimId: a, toClaimId: b, type: 'related' }, editor.id)
    unlinkClaims(a, linkId, editor.id)
    const events = total('claim_events')
    unlinkClaims(b, linkId, colleague.id)
    expect(total('claim_events')).toBe(events)
    expect(db.select().from(claimLinks).where(eq(claimLinks.id, linkId)).get()?.deletedById).toBe(editor.id)
    expect(() => unlinkClaims(a, 987654, editor.id)).toThrow(NotFoundError)
    // A link is removed from one of its own claims, not through another claim's page.
    const elsewhere = linkClaims({ fromClaimId: claim(), toClaimId: b, type: 'related' }, editor.id)
    expect(() => unlinkClaims(a, elsewhere, editor.id)).toThrow(NotFoundError)
    expect(listClaimLinks(b).map((l) => l.id)).toEqual([elsewhere])
  })

  test('a removed link can be made again', () => {
    const [a, b] = [claim(), claim()]
    unlinkClaims(a, linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id), editor.id)
    const again = linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id)
    expect(listClaimLinks(a).map((l) => l.id)).toEqual([again])
  })

  test('a link to a claim in the trash stays listed, marked, and can be removed', () => {
    const [a, b] = [claim(), claim()]
    const linkId = linkClaims({ fromClaimId: a, toClaimId: b, type: 'supports' }, editor.id)
    trash(b)
    expect(listClaimLinks(a)).toMatchObject([{ id: linkId, otherId: b, otherTrashed: true }])
    unlinkClaims(a, linkId, editor.id)
    expect(listClaimLinks(a)).toEqual([])
    expect(linkEvents(b).map((e) => e.type)).toEqual(['link_added', 'link_removed'])
  })
})

describe('a claim’s links as its page lists them', () => {
  test('from this claim’s end, duplicates first, with the other claim’s status and verdict', () => {
    const [a, b, c, d] = [claim(), claim(), claim(), claim()]
    const related = linkClaims({ fromClaimId: c, toClaimId: a, type: 'related', note: 'Hintergrund' }, editor.id)
    const contradicted = linkClaims({ fromClaimId: b, toClaimId: a, type: 'contradicts' }, editor.id)
    const duplicate = linkClaims({ fromClaimId: a, toClaimId: d, type: 'duplicate_of' }, editor.id)
    expect(listClaimLinks(a)).toEqual([
      {
        id: duplicate,
        type: 'duplicate_of',
        direction: 'outgoing',
        note: null,
        otherId: d,
        otherText: getClaim(d).text,
        otherStatus: 'new',
        otherVerdict: null,
        otherTrashed: false,
      },
      expect.objectContaining({ id: contradicted, type: 'contradicts', direction: 'incoming', otherId: b }),
      expect.objectContaining({ id: related, type: 'related', direction: 'incoming', otherId: c, note: 'Hintergrund' }),
    ])
    expect(getClaimDetail(a).links).toEqual(listClaimLinks(a))
  })
})

describe('the canonical claim of a duplicate', () => {
  test('follows the chain to its end', () => {
    const [a, b, c, loner] = [claim(), claim(), claim('Der kanonische Wortlaut'), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id)
    linkClaims({ fromClaimId: b, toClaimId: c, type: 'duplicate_of' }, editor.id)
    expect(canonicalClaimOf(a)).toEqual({
      id: c,
      text: 'Der kanonische Wortlaut',
      status: 'new',
      verdict: null,
      trashed: false,
      via: [b],
    })
    expect(canonicalClaimOf(b)).toMatchObject({ id: c, via: [] })
    expect(canonicalClaimOf(c)).toBeNull()
    expect(canonicalClaimOf(loner)).toBeNull()
  })

  test('says when the canonical claim is in the trash', () => {
    const [a, b] = [claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id)
    trash(b)
    expect(canonicalClaimOf(a)).toMatchObject({ id: b, trashed: true })
  })

  test('ends on a loop written before the rules existed instead of running forever', () => {
    const [a, b, c] = [claim(), claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id)
    linkClaims({ fromClaimId: b, toClaimId: c, type: 'duplicate_of' }, editor.id)
    db.insert(claimLinks).values({ fromClaimId: c, toClaimId: b, type: 'duplicate_of' }).run()
    expect(canonicalClaimOf(a)).toMatchObject({ id: c, via: [b] })
  })
})

describe('the neighbourhood the graph draws', () => {
  test('the claim, its links, their links and the links among them', () => {
    const [center, n1, n2, far, gone] = [claim(), claim(), claim(), claim(), claim()]
    const l1 = linkClaims({ fromClaimId: center, toClaimId: n1, type: 'supports' }, editor.id)
    const l2 = linkClaims({ fromClaimId: n2, toClaimId: center, type: 'contradicts' }, editor.id)
    const l3 = linkClaims({ fromClaimId: n1, toClaimId: n2, type: 'related' }, editor.id)
    const l4 = linkClaims({ fromClaimId: far, toClaimId: n2, type: 'updates' }, editor.id)
    linkClaims({ fromClaimId: gone, toClaimId: center, type: 'related' }, editor.id)
    trash(gone)
    const graph = claimNeighbourhood(center)
    expect(graph.nodes.map((n) => n.id)).toEqual([center, n1, n2, far])
    expect(graph.nodes[0]).toEqual({ id: center, text: getClaim(center).text, status: 'new', verdict: null })
    expect(graph.edges).toEqual([
      { id: l1, from: center, to: n1, type: 'supports' },
      { id: l2, from: n2, to: center, type: 'contradicts' },
      { id: l3, from: n1, to: n2, type: 'related' },
      { id: l4, from: far, to: n2, type: 'updates' },
    ])
    expect(graph.truncated).toBe(false)
  })

  test('a lonely claim is one node', () => {
    const a = claim()
    expect(claimNeighbourhood(a)).toEqual({
      nodes: [{ id: a, text: getClaim(a).text, status: 'new', verdict: null }],
      edges: [],
      truncated: false,
    })
  })

  test('stops at the cap, direct links first, and says so', () => {
    const center = claim()
    const direct = Array.from({ length: 30 }, () => claim())
    for (const other of direct) linkClaims({ fromClaimId: other, toClaimId: center, type: 'related' }, editor.id)
    const graph = claimNeighbourhood(center)
    expect(graph.nodes).toHaveLength(25)
    expect(graph.nodes.map((n) => n.id)).toEqual([center, ...direct.slice(0, 24)])
    expect(graph.edges).toHaveLength(24)
    expect(graph.truncated).toBe(true)
  })

  test('the second ring fills the room left and no more', () => {
    const center = claim()
    const [hub] = [claim()]
    linkClaims({ fromClaimId: center, toClaimId: hub, type: 'supports' }, editor.id)
    const second = Array.from({ length: 6 }, () => claim())
    for (const other of second) linkClaims({ fromClaimId: other, toClaimId: hub, type: 'supports' }, editor.id)
    const small = claimNeighbourhood(center, 8)
    expect(small.nodes.map((n) => n.id)).toEqual([center, hub, ...second])
    expect(small.truncated).toBe(false)
    const capped = claimNeighbourhood(center, 5)
    expect(capped.nodes.map((n) => n.id)).toEqual([center, hub, ...second.slice(0, 3)])
    expect(capped.edges.every((e) => capped.nodes.some((n) => n.id === e.from))).toBe(true)
    expect(capped.truncated).toBe(true)
  })

  test('shortens long texts for the labels', () => {
    const a = claim(
      'Die Hwasong-17 und die Hwasong-18 sind ballistische Raketen, deren Tests laut UN-Resolutionen verboten sind.',
    )
    expect(claimNeighbourhood(a).nodes[0]!.text).toBe('Die Hwasong-17 und die Hwasong-18 sind ballistische…')
  })
})

describe('finding the claim an editor typed', () => {
  const schoigu = claim('Schoigu besichtigte in Pjöngjang eine Waffenausstellung mit Kim.')
  const kursk = claim('Nordkoreanische Soldaten kämpfen in der Region Kursk.')
  const kurskAgain = claim('In Kursk stehen nordkoreanische Soldaten an der Front.')
  const trashed = claim('Eine gelöschte Behauptung über Wostotschny.')
  trash(trashed)

  test.each([
    ['a number', () => String(schoigu)],
    ['a number with #', () => `#${schoigu}`],
    ['a suggestion as the picker shows it', () => `Schoigu besichtigte in Pjöngjang … (#${schoigu})`],
    ['words only one claim contains', () => 'pjöngjang waffenausstellung'],
  ])('by %s', (_name, reference) => {
    expect(claimIdFromReference(reference())).toBe(schoigu)
  })

  test('by its whole text, even when a longer claim contains the same words', () => {
    const short = claim('Kim traf Putin.')
    claim('Kim traf Putin im Kosmodrom.')
    expect(claimIdFromReference('kim traf putin.')).toBe(short)
  })

  test.each([
    ['#987654', 'There is no claim #987654.'],
    ['soldaten kursk', 'Several claims match “soldaten kursk”; pick one from the list, or type its number, like #12.'],
    ['Wostotschny', 'No claim matches “Wostotschny”. Type its number, like #12, or other words from its text.'],
    ['…', 'Type the other claim’s number, like #12, or words from its text.'],
  ])('“%s” is refused with a message for the field', (reference, message) => {
    expect(() => claimIdFromReference(reference)).toThrow(
      expect.objectContaining({ fieldErrors: { otherClaim: [message] } }),
    )
  })

  test('a claim in the trash found by number is left to the link rules to refuse', () => {
    expect(claimIdFromReference(`#${trashed}`)).toBe(trashed)
  })

  test('suggestions: the numbered claim first, then claims with all the words, none from the trash', () => {
    expect(suggestClaims(String(kursk))[0]?.id).toBe(kursk)
    expect(
      suggestClaims('kursk soldaten')
        .map((s) => s.id)
        .sort(),
    ).toEqual([kursk, kurskAgain].sort())
    expect(suggestClaims('Wostotschny')).toEqual([])
    expect(suggestClaims('  ')).toEqual([])
  })
})

describe('the other-claim picker’s suggestions', () => {
  test('label each claim with its number, which the server reads back', async () => {
    const viewer = await signedIn('viewer')
    const id = claim('Putin nahm die Einladung nach Pjöngjang an.')
    const reply = (await resourcesClaims.loader({
      request: getRequest('/resources/claims?q=Einladung%20Pjöngjang', viewer.cookie),
      params: {},
      context: {},
    })) as { suggestions: Array<{ id: number; label: string; detail: string }> }
    expect(reply.suggestions).toEqual([
      { id, label: `Putin nahm die Einladung nach Pjöngjang an. (#${id})`, detail: 'New' },
    ])
    expect(claimIdFromReference(reply.suggestions[0]!.label)).toBe(id)
  })
})

describe('the claim page’s link forms', () => {
  type Reply = {
    data: { form: string; result: { status?: string; error?: Record<string, string[]> } }
    init: ResponseInit | null
  }

  async function post(cookie: string, claimId: number, fields: Record<string, string>) {
    return (await claimPage.action({
      request: formRequest(`/claims/${claimId}`, fields, cookie),
      params: { claimId: String(claimId) },
      context: {},
    })) as unknown as Reply
  }

  test('an editor links and unlinks by number, and the reply is addressed to the form', async () => {
    const editorSession = await signedIn('editor')
    const [a, b] = [claim(), claim()]
    const added = await post(editorSession.cookie, a, {
      intent: 'add-link',
      type: 'contradicts',
      otherClaim: `#${b}`,
      note: 'Widerspruch in den Zahlen',
    })
    // Done: the form is told to empty itself, with no errors.
    expect(added.data).toEqual({ form: 'add-link', result: { initialValue: null } })
    const [link] = listClaimLinks(b)
    expect(link).toMatchObject({
      type: 'contradicts',
      direction: 'incoming',
      otherId: a,
      note: 'Widerspruch in den Zahlen',
    })
    expect(linkEvents(a)[0]).toMatchObject({ actorId: editorSession.id })

    const removed = await post(editorSession.cookie, b, { intent: 'remove-link', linkId: String(link!.id) })
    expect(removed.data).toEqual({ form: `remove-link-${link!.id}`, result: { initialValue: null } })
    expect(listClaimLinks(a)).toEqual([])
  })

  test.each([
    ['no type', { otherClaim: '#1' }, 'type', 'Pick how this claim relates to the other one.'],
    ['an unknown type', { type: 'refutes', otherClaim: '#1' }, 'type', 'Pick how this claim relates to the other one.'],
    ['no other claim', { type: 'related' }, 'otherClaim', 'The other claim is required.'],
    ['an unknown claim number', { type: 'related', otherClaim: '#987654' }, 'otherClaim', 'There is no claim #987654.'],
    [
      'itself',
      { type: 'related', otherClaim: 'self' },
      'otherClaim',
      'A claim cannot be linked to itself; pick another claim.',
    ],
  ] as Array<[string, Record<string, string>, string, string]>)(
    'linking with %s is a 400 with the message next to the field',
    async (_name, fields, field, message) => {
      const editorSession = await signedIn('editor')
      const a = claim()
      const before = [total('claim_links'), total('claim_events')]
      const reply = await post(editorSession.cookie, a, {
        intent: 'add-link',
        ...fields,
        ...(fields.otherClaim === 'self' ? { otherClaim: `#${a}` } : {}),
      })
      expect(reply.init?.status).toBe(400)
      expect(reply.data.form).toBe('add-link')
      expect(reply.data.result.error?.[field]).toEqual([message])
      expect([total('claim_links'), total('claim_events')]).toEqual(before)
    },
  )

  test('removing a link through another claim’s page is a 404', async () => {
    const editorSession = await signedIn('editor')
    const [a, b, c] = [claim(), claim(), claim()]
    const linkId = linkClaims({ fromClaimId: a, toClaimId: b, type: 'related' }, editor.id)
    await expect(
      post(editorSession.cookie, c, { intent: 'remove-link', linkId: String(linkId) }),
    ).rejects.toMatchObject({ init: { status: 404 } })
    expect(listClaimLinks(a).map((l) => l.id)).toEqual([linkId])
  })

  test('a viewer gets a 403 and nothing changes', async () => {
    const viewer = await signedIn('viewer')
    const [a, b] = [claim(), claim()]
    const linkId = linkClaims({ fromClaimId: a, toClaimId: b, type: 'supports' }, editor.id)
    const before = [total('claim_links'), total('claim_events')]
    const attempts: Array<Record<string, string>> = [
      { intent: 'add-link', type: 'related', otherClaim: `#${b}` },
      { intent: 'remove-link', linkId: String(linkId) },
    ]
    for (const fields of attempts) {
      await expect(post(viewer.cookie, a, fields)).rejects.toMatchObject({ init: { status: 403 } })
    }
    expect([total('claim_links'), total('claim_events')]).toEqual(before)
    expect(listClaimLinks(a).map((l) => l.id)).toEqual([linkId])
  })

  test('the page loads the canonical claim and the graph', async () => {
    const viewer = await signedIn('viewer')
    const [a, b] = [claim(), claim()]
    linkClaims({ fromClaimId: a, toClaimId: b, type: 'duplicate_of' }, editor.id)
    const page = (await claimPage.loader({
      request: getRequest(`/claims/${a}`, viewer.cookie),
      params: { claimId: String(a) },
      context: {},
    })) as unknown as { canonical: { id: number }; graph: { nodes: unknown[]; edges: unknown[] }; canEdit: boolean }
    expect(page.canonical).toMatchObject({ id: b, via: [] })
    expect(page.graph).toEqual(claimNeighbourhood(a))
    expect(page.canEdit).toBe(false)
  })
})
