// ClaimReview (schema.org), the markup fact-check search tools read. Only schema.org
// property names: a tool that meets an unknown one may drop the whole review.
import type { Publisher } from '#app/utils/env.server.ts'
import { verdictLabels } from '../labels.ts'
import type { Verdict } from '../vocabulary.ts'
import { originOf, type ExportedClaim, type ExportedSource } from './sheet.ts'

/** 5 is the best rating; an unverifiable claim has no place on the scale, so no number. */
export const ratingValues: Record<Verdict, number | null> = {
  true: 5,
  mostly_true: 4,
  mixed: 3,
  misleading: 2,
  mostly_false: 2,
  false: 1,
  unverifiable: null,
}

/** Search tools show claimReviewed as a snippet and prefer it short; longer ones are still exported whole. */
export const claimReviewedPreferredLength = 75

export function isLongForClaimReview(text: string) {
  return text.length > claimReviewedPreferredLength
}

const wikidataUrl = (id: string) => `https://www.wikidata.org/wiki/${id}`

function creativeWorkOf(source: ExportedSource) {
  return withoutEmpty({
    '@type': source.kind === 'article' ? 'NewsArticle' : 'CreativeWork',
    url: source.url,
    headline: source.title,
    datePublished: source.publishedOn,
    publisher: source.outlet ? { '@type': 'Organization', name: source.outlet } : null,
  })
}

function withoutEmpty<T extends Record<string, unknown>>(value: T) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null | undefined>
  }
}

/** One claim with a verdict as a ClaimReview; the caller leaves out claims without one. */
export function claimReviewOf(record: ExportedClaim & { verdict: Verdict }, publisher: Publisher) {
  const origin = originOf(record)
  const appearances = record.evidence.filter((e) => e.role === 'origin').map((e) => creativeWorkOf(e.source))
  const speaker = record.speaker
  const ratingValue = ratingValues[record.verdict]
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: record.permalink,
    claimReviewed: record.text,
    // The review is published when its check is approved; an unapproved one is dated by its last change.
    datePublished: (record.verifiedAt ?? record.updatedAt).slice(0, 10),
    inLanguage: record.language,
    author: { '@type': 'Organization', name: publisher.name, url: publisher.url },
    itemReviewed: withoutEmpty({
      '@type': 'Claim',
      author: speaker
        ? withoutEmpty({
            '@type': speaker.kind === 'organisation' ? 'Organization' : 'Person',
            name: speaker.name,
            jobTitle: speaker.kind === 'person' ? speaker.role : null,
            sameAs: speaker.wikidataId ? wikidataUrl(speaker.wikidataId) : null,
          })
        : null,
      datePublished: record.claimedOn,
      appearance: appearances.length > 0 ? appearances : null,
      firstAppearance: origin ? creativeWorkOf(origin) : null,
    }),
    reviewRating: withoutEmpty({
      '@type': 'Rating',
      alternateName: verdictLabels[record.verdict],
      ratingValue,
      bestRating: 5,
      worstRating: 1,
      ratingExplanation: record.rationale,
    }),
  }
}
