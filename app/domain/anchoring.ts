// Where a note on a passage of a source's excerpt is attached, in the W3C Web Annotation
// model: a TextQuoteSelector (the exact passage, with up to 32 characters of context
// either side) together with a TextPositionSelector (start and end offsets). Offsets
// count UTF-16 code units, as JavaScript strings and the DOM's Range do, in the excerpt
// as the page shows it (see `excerptText`).
//
// When the excerpt is edited, `reanchor` finds the passage again:
// 1. Every occurrence of the exact passage in the new text is a candidate; if there is
//    none, the passage is gone (deleted or reworded) and the note is orphaned rather
//    than pinned to words it was not written about.
// 2. Each candidate scores how many characters next to it still agree with the stored
//    context: the prefix read backwards from the passage, the suffix read forwards.
// 3. The best score wins; a tie goes to the candidate nearest the old start offset. A
//    passage that is still where it was with its context intact therefore keeps its
//    position, while one that moved is found by its context even when another copy of
//    the same words now sits at the old offset.
// Reworded passages are not matched approximately: an editor re-attaches such a note.

export const contextLength = 32

export type TextAnchor = {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

/**
 * The excerpt as a browser holds it in the DOM: HTML parsing turns CR LF and lone CR into
 * LF, so offsets taken from a selection only match this form of the text.
 */
export function excerptText(excerpt: string | null | undefined) {
  return (excerpt ?? '').replace(/\r\n?/g, '\n')
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff
}

/** True when `offset` falls between the two halves of one character (an emoji, say). */
function splitsCharacter(text: string, offset: number) {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  )
}

/**
 * The selectors for `text.slice(start, end)`, or null when the offsets are outside the
 * text, empty, or cut a character in half. Context stops short of half a character too.
 */
export function describeSpan(text: string, start: number, end: number): TextAnchor | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null
  if (start < 0 || end > text.length || end <= start) return null
  if (splitsCharacter(text, start) || splitsCharacter(text, end)) return null
  let prefixStart = Math.max(0, start - contextLength)
  if (splitsCharacter(text, prefixStart)) prefixStart += 1
  let suffixEnd = Math.min(text.length, end + contextLength)
  if (splitsCharacter(text, suffixEnd)) suffixEnd -= 1
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  }
}

/** How many characters before `start` agree with the end of `prefix`, and after `end` with the start of `suffix`. */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string) {
  let score = 0
  for (let i = 1; i <= prefix.length && start - i >= 0; i++) {
    if (text[start - i] !== prefix[prefix.length - i]) break
    score++
  }
  for (let i = 0; i < suffix.length && end + i < text.length; i++) {
    if (text[end + i] !== suffix[i]) break
    score++
  }
  return score
}

/** Finds a stored passage in a changed text (see the top of this file); null means orphaned. */
export function reanchor(text: string, anchor: TextAnchor): TextAnchor | null {
  const { exact } = anchor
  if (!exact) return null
  let best: { start: number; score: number; distance: number } | null = null
  for (let start = text.indexOf(exact); start !== -1; start = text.indexOf(exact, start + 1)) {
    const end = start + exact.length
    if (splitsCharacter(text, start) || splitsCharacter(text, end)) continue
    const score = contextScore(text, start, end, anchor.prefix, anchor.suffix)
    const distance = Math.abs(start - anchor.start)
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start, score, distance }
    }
  }
  return best ? describeSpan(text, best.start, best.start + exact.length) : null
}

function escapeRegExp(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The first place a passage an editor pasted occurs in the text. Spacing may differ
 * (copying from a page turns line breaks into spaces and back), the words may not.
 */
export function findPassage(text: string, passage: string): { start: number; end: number } | null {
  const words = passage.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return null
  const match = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u').exec(text)
  return match ? { start: match.index, end: match.index + match[0].length } : null
}

type ExcerptSegment = {
  text: string
  start: number
  end: number
  /** The notes whose passage covers this stretch, in the order they were given. */
  ids: number[]
  /** The notes whose passage ends with this stretch. */
  endingIds: number[]
}

/**
 * Cuts the text at every passage boundary, so overlapping passages become a flat run
 * of stretches, each knowing which notes cover it: one <mark> per stretch, no nesting.
 */
export function segmentText(text: string, passages: Array<{ id: number; start: number; end: number }>) {
  const inside = passages.filter((p) => p.start >= 0 && p.end <= text.length && p.end > p.start)
  const cuts = [...new Set([0, text.length, ...inside.flatMap((p) => [p.start, p.end])])].sort((a, b) => a - b)
  const segments: ExcerptSegment[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!
    const end = cuts[i + 1]!
    segments.push({
      text: text.slice(start, end),
      start,
      end,
      ids: inside.filter((p) => p.start <= start && p.end >= end).map((p) => p.id),
      endingIds: inside.filter((p) => p.end === end).map((p) => p.id),
    })
  }
  return segments
}
