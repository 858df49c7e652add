import { describe, expect, test } from 'vitest'
import {
  duplicateLoop,
  duplicateLoopMessage,
  linkWording,
  pairConflict,
  type LinkEnds,
} from '#app/domain/link-rules.ts'
import { linkLabels } from '#app/domain/labels.ts'
import { linkTypes, type LinkType } from '#app/domain/vocabulary.ts'

const link = (fromClaimId: number, type: LinkType, toClaimId: number): LinkEnds => ({ fromClaimId, toClaimId, type })

describe('the same link twice', () => {
  test.each(linkTypes)('%s in the same direction is refused', (type) => {
    expect(pairConflict(link(1, type, 2), [link(1, type, 2)])).toBe(
      `This link exists already: this claim ${linkLabels[type].outgoing} #2.`,
    )
  })

  test.each(['related', 'contradicts'] as const)('%s the other way round says the same and is refused', (type) => {
    expect(pairConflict(link(1, type, 2), [link(2, type, 1)])).toBe(
      `This link exists already: #2 ${linkLabels[type].outgoing} this claim, which says the same.`,
    )
  })

  test('two claims may support each other', () => {
    expect(pairConflict(link(1, 'supports', 2), [link(2, 'supports', 1)])).toBeNull()
  })
})

test('links are worded from the point of view of one claim', () => {
  expect(linkWording(link(1, 'contradicts', 2), 1)).toBe('this claim contradicts #2')
  expect(linkWording(link(1, 'contradicts', 2), 2)).toBe('#1 contradicts this claim')
})

describe('links that cannot stand together', () => {
  const others = linkTypes.filter((t) => t !== 'duplicate_of')

  test.each(others)('a duplicate cannot also be linked as %s, either way', (type) => {
    for (const [proposed, existing] of [
      [link(1, type, 2), link(1, 'duplicate_of', 2)],
      [link(1, type, 2), link(2, 'duplicate_of', 1)],
      [link(1, 'duplicate_of', 2), link(1, type, 2)],
      [link(1, 'duplicate_of', 2), link(2, type, 1)],
    ] as const) {
      expect(pairConflict(proposed, [existing])).toMatch(
        /^These claims are already linked: .+\. A duplicate is the same claim, so it cannot also be linked another way; remove that link first\.$/,
      )
    }
  })

  test('the message names the link in the way from this claim', () => {
    expect(pairConflict(link(1, 'supports', 2), [link(2, 'duplicate_of', 1)])).toMatch(
      /^These claims are already linked: #2 is a duplicate of this claim\./,
    )
  })

  test.each([
    [link(1, 'supports', 2), link(1, 'contradicts', 2), 'this claim contradicts #2'],
    [link(1, 'supports', 2), link(2, 'contradicts', 1), '#2 contradicts this claim'],
    [link(1, 'contradicts', 2), link(1, 'supports', 2), 'this claim supports #2'],
    [link(1, 'contradicts', 2), link(2, 'supports', 1), '#2 supports this claim'],
  ])('supports and contradicts exclude each other (%#)', (proposed, existing, wording) => {
    expect(pairConflict(proposed, [existing])).toBe(
      `These claims are already linked: ${wording}. A claim cannot both support and contradict another; remove that link first.`,
    )
  })

  test('an update cannot go both ways', () => {
    expect(pairConflict(link(1, 'updates', 2), [link(2, 'updates', 1)])).toBe(
      'These claims are already linked: #2 updates this claim. An update cannot go both ways; remove that link first.',
    )
  })

  test.each([
    [link(1, 'updates', 2), link(1, 'contradicts', 2)],
    [link(1, 'contradicts', 2), link(2, 'updates', 1)],
    [link(1, 'supports', 2), link(1, 'updates', 2)],
    [link(1, 'related', 2), link(1, 'supports', 2)],
    [link(1, 'contradicts', 2), link(2, 'related', 1)],
  ])('other pairs may stand together (%#)', (proposed, existing) => {
    expect(pairConflict(proposed, [existing])).toBeNull()
  })

  test('a duplicate back the other way is left to the loop check', () => {
    expect(pairConflict(link(1, 'duplicate_of', 2), [link(2, 'duplicate_of', 1)])).toBeNull()
    expect(duplicateLoop(1, 2, (id) => (id === 2 ? 1 : undefined))).toEqual([2, 1])
  })
})

describe('loops of duplicates', () => {
  // 5 duplicates 4, 4 duplicates 3, 3 duplicates nothing.
  const chain = new Map([
    [5, 4],
    [4, 3],
  ])
  const canonicalOf = (id: number) => chain.get(id)

  test('finds the path back to the linking claim', () => {
    expect(duplicateLoop(3, 5, canonicalOf)).toEqual([5, 4, 3])
    expect(duplicateLoop(3, 4, canonicalOf)).toEqual([4, 3])
  })

  test('a chain that does not come back is no loop', () => {
    expect(duplicateLoop(5, 3, canonicalOf)).toBeNull()
    expect(duplicateLoop(9, 5, canonicalOf)).toBeNull()
  })

  test('stops on an old loop that does not involve the linking claim', () => {
    const old = new Map([
      [7, 8],
      [8, 7],
    ])
    expect(duplicateLoop(1, 7, (id) => old.get(id))).toBeNull()
  })

  test('says which claims close the loop', () => {
    expect(duplicateLoopMessage([4, 3])).toBe('That would make a loop: #4 is already a duplicate of this claim.')
    expect(duplicateLoopMessage([5, 4, 3])).toBe(
      'That would make a loop: #5 is already a duplicate of this claim, through #4.',
    )
    expect(duplicateLoopMessage([6, 5, 4, 3])).toBe(
      'That would make a loop: #6 is already a duplicate of this claim, through #5 and #4.',
    )
  })
})
