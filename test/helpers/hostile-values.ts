// What an attacker, a broken script or a paste from anywhere may put into a form field or a
// URL: the values the hostile-input tests mix into otherwise valid requests.
import fc from 'fast-check'

/** A window flag an injected script would set: the browser tests look for it. */
export const scriptFlag = '__claimdeskHostile'

export const markup = [
  `<script>window.${scriptFlag}=1</script>`,
  `<img src=x onerror="window.${scriptFlag}=1">`,
  `"><svg onload="window.${scriptFlag}=1">`,
  `</textarea><script>alert(1)</script>`,
  `<a href="javascript:window.${scriptFlag}=1">click</a>`,
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  '<!--',
  ']]>',
  '{{7*7}}',
  '${7*7}',
]

export const sql = ["'; drop table claims; --", "' or 1=1 --", '%', '_', '%%', '\\', "''", '; select * from users']

export const fts = [
  '"',
  '"unterminated',
  'NEAR(',
  'NEAR(a b, 2)',
  '*',
  'a*',
  '^',
  '^a',
  'AND OR NOT',
  'NOT',
  'OR',
  'col:',
  'text:x',
].concat(['{text quote}:x', '(', ')', '-', '+', 'a NEAR/2 b', '\u0002', '\u0003', '\u0002x\u0003'])

export const oddUnicode = [
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  '\u200F',
  '\u200B',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '🇩🇪👩‍👩‍👧',
  '\u2028\u2029',
  '\r\n\r',
  '\t',
  'İıẞß',
  '\u0085',
]

export const numbers = [
  '1e308',
  String(2 ** 64),
  '-1',
  '0',
  'NaN',
  'Infinity',
  '-Infinity',
  '9'.repeat(400),
  '1e999',
  '0x1F',
  '0b11',
  '1.5',
  '+1',
  '00012',
  '9007199254740993',
  ' 1 ',
  '1_000',
  '',
  ' ',
]

/** Any string of UTF-16 code units, lone surrogates, NUL and controls included. */
export const anyCodeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
  .map((units) => String.fromCharCode(...units))

const piece = fc.oneof(
  fc.constantFrom(...markup, ...sql, ...fts, ...oddUnicode, ...numbers),
  anyCodeUnits,
  fc.string({ unit: 'grapheme', maxLength: 20 }),
)

/** Hostile pieces glued together, each run a different mix. */
export const hostileText = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''))

/** About a megabyte: a pasted book, a runaway script. */
export const megabyte = fc
  .tuple(fc.constantFrom('a', 'é', '<script>', '"', '\u0000', '9'), fc.constantFrom(...markup, ...fts))
  .map(([unit, tail]) => unit.repeat(Math.ceil(1_000_000 / unit.length)) + tail)

/** A field's value: one hostile string, a repeated key (an array), or a very long string. */
export type FieldValue = string | string[]

export const hostileValue: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 8, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom(...numbers) },
  { weight: 2, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: megabyte },
)

/** What the server reads back from a form field: UTF-8 on the wire turns a lone surrogate into U+FFFD. */
export function asSent(value: string) {
  return Buffer.from(value, 'utf8').toString('utf8')
}
