// ClaimReview for every verdict: the properties fact-check search tools read, and only schema.org's.
import { describe, expect, test } from 'vitest'
import { claimReviewOf, isLongForClaimReview, ratingValues } from '#app/domain/export/claim-review.ts'
import type { ExportedClaim } from '#app/domain/export/sheet.ts'
import { verdictLabels } from '#app/domain/labels.ts'
import { verdicts } from '#app/domain/vocabulary.ts'
import { publisherOf } from '#app/utils/env.server.ts'

const publisher = publisherOf({
  PUBLIC_BASE_URL: 'https://factcheck.example',
  ORGANISATION_NAME: 'Faktencheck',
  ORGANISATION_URL: undefined,
})

const origin = {
  id: 7,
  url: 'https://www.tagesschau.de/a.html',
  title: 'Kim besucht Putin',
  outlet: 'tagesschau.de',
  author: null,
  publishedOn: '2023-09-13',
  language: 'de',
  kind: 'article' as const,
  excerpt: null,
  archiveUrl: null,
  retrievedOn: null,
  notes: null,
}

function record(verdict: ExportedClaim['verdict']): ExportedClaim {
  return {
    id: 12,
    text: 'Kim und Putin trafen sich im Kosmodrom Wostotschny.',
    quote: null,
    language: 'de',
    claimedOn: '2023-09-13',
    status: 'verified',
    verdict,
    rationale: 'Bilder beider Staatsmedien zeigen das Treffen.',
    tags: [],
    speaker: {
      id: 3,
      name: 'Kim Jong-un',
      kind: 'person',
      role: 'Machthaber Nordkoreas',
      organisation: null,
      country: 'KP',
      wikidataId: 'Q56226',
      aliases: [],
    },
    sourceId: 7,
    evidence: [{ role: 'origin', note: null, source: origin }],
    links: [],
    checkedBy: 'Mira Schulz',
    approvedBy: 'Jonas Weber',
    submittedAt: '2023-09-14T08:00:00.000Z',
    verifiedAt: '2023-09-14T10:00:00.000Z',
    createdAt: '2023-09-13T10:00:00.000Z',
    updatedAt: '2023-09-14T10:00:00.000Z',
    permalink: publisher.permalinkOf(12),
  }
}

/** The schema.org properties each type may carry here; anything else would be a made-up name. */
const allowed: Record<string, string[]> = {
  ClaimReview: [
    '@context',
    '@type',
    'url',
    'claimReviewed',
    'datePublished',
    'inLanguage',
    'author',
    'itemReviewed',
    'reviewRating',
  ],
  Claim: ['@type', 'author', 'datePublished', 'appearance', 'firstAppearance'],
  Person: ['@type', 'name', 'jobTitle', 'sameAs'],
  Organization: ['@type', 'name', 'url', 'sameAs'],
  NewsArticle: ['@type', 'url', 'headline', 'datePublished', 'publisher'],
  CreativeWork: ['@type', 'url', 'headline', 'datePublished', 'publisher'],
  Rating: ['@type', 'alternateName', 'ratingValue', 'bestRating', 'worstRating', 'ratingExplanation'],
}

function unknownProperties(node: unknown, at = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => unknownProperties(item, `${at}[${i}]`))
  if (!node || typeof node !== 'object') return []
  const object = node as Record<string, unknown>
  const type = String(object['@type'])
  return Object.entries(object).flatMap(([key, value]) => [
    ...(allowed[type]?.includes(key) ? [] : [`${at}.${key} on ${type}`]),
    ...unknownProperties(value, `${at}.${key}`),
  ])
}

describe('a ClaimReview per verdict', () => {
  test.each(verdicts)('%s', (verdict) => {
    const review = claimReviewOf({ ...record(verdict), verdict }, publisher)
    expect(unknownProperties(review)).toEqual([])
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factcheck.example/claims/12',
      claimReviewed: 'Kim und Putin trafen sich im Kosmodrom Wostotschny.',
      datePublished: '2023-09-14',
      inLanguage: 'de',
      author: { '@type': 'Organization', name: 'Faktencheck', url: 'https://factcheck.example' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Kim Jong-un', sameAs: 'https://www.wikidata.org/wiki/Q56226' },
        datePublished: '2023-09-13',
        firstAppearance: {
          '@type': 'NewsArticle',
          url: origin.url,
          headline: origin.title,
          datePublished: '2023-09-13',
        },
      },
    })
    expect(review.itemReviewed.appearance).toEqual([review.itemReviewed.firstAppearance])
    const expectedRating: Record<string, unknown> = {
      '@type': 'Rating',
      alternateName: verdictLabels[verdict],
      bestRating: 5,
      worstRating: 1,
      ratingExplanation: 'Bilder beider Staatsmedien zeigen das Treffen.',
    }
    if (verdict !== 'unverifiable') expectedRating.ratingValue = ratingValues[verdict]
    expect(review.reviewRating).toEqual(expectedRating)
  })

  test('ratings run from 5 for true down to 1 for false, and unverifiable has none', () => {
    expect(verdicts.map((v) => ratingValues[v])).toEqual([5, 4, 3, 2, 2, 1, null])
  })

  test('an unapproved review is dated by its last change; the desk’s base URL loses a trailing slash', () => {
    const desk = publisherOf({
      PUBLIC_BASE_URL: 'https://factcheck.example/',
      ORGANISATION_NAME: 'Faktencheck',
      ORGANISATION_URL: 'https://example.org',
    })
    const review = claimReviewOf({ ...record('false'), verdict: 'false', verifiedAt: null }, desk)
    expect(review.datePublished).toBe('2023-09-14')
    expect(desk.permalinkOf(5)).toBe('https://factcheck.example/claims/5')
    expect(review.author.url).toBe('https://example.org')
  })

  test('an organisation speaker is an Organization and has no job title', () => {
    const base = record('mixed')
    const review = claimReviewOf(
      { ...base, verdict: 'mixed', speaker: { ...base.speaker!, kind: 'organisation', wikidataId: null } },
      publisher,
    )
    expect(review.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Kim Jong-un' })
  })

  test('claims over 75 characters are flagged, not cut', () => {
    expect(isLongForClaimReview('x'.repeat(75))).toBe(false)
    expect(isLongForClaimReview('x'.repeat(76))).toBe(true)
    const long = 'Nordkorea '.repeat(12)
    expect(claimReviewOf({ ...record('true'), text: long, verdict: 'true' }, publisher).claimReviewed).toBe(long)
  })
})
