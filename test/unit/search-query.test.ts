import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { parseSearch, toFtsQuery, type SearchTerm } from '#app/domain/search-query.ts'

function terms(input: string): SearchTerm[] {
  const parsed = parseSearch(input)
  if ('error' in parsed) throw new Error(parsed.error)
  return parsed.terms
}

const fts = (input: string, variantsOf?: (word: string) => string[][]) => toFtsQuery(terms(input), variantsOf)

describe('reading what the editor typed', () => {
  test('words, phrases, prefixes and exclusions', () => {
    expect(terms('Schoigu "70. Jahrestag" Rak* -Putin -"Kim Jong"')).toEqual([
      { words: ['schoigu'], prefix: false, exclude: false },
      { words: ['70', 'jahrestag'], prefix: false, exclude: false },
      { words: ['rak'], prefix: true, exclude: false },
      { words: ['putin'], prefix: false, exclude: true },
      { words: ['kim', 'jong'], prefix: false, exclude: true },
    ])
  })

  test('a hyphenated name is one phrase, as the index splits it', () => {
    expect(fts('Kim Jong-un')).toBe('"kim" AND "jong un"')
  })

  test('numbers in any grouping become one term with both spellings', () => {
    for (const input of ['10.000', '10,000', '10000', '10 000', '10’000']) {
      expect(fts(input), input).toBe('("10000" OR "10 000")')
    }
    expect(fts('1.234.567')).toBe('("1234567" OR "1 234 567")')
  })

  test('German spelled without its letters finds the letters', () => {
    expect(fts('Grosse')).toBe('("grosse" OR "große")')
    expect(fts('Mueller')).toBe('("mueller" OR "müller")')
  })

  test('other spellings from the desk are alternatives', () => {
    expect(fts('Shoigu', (w) => (w === 'shoigu' ? [['schoigu']] : []))).toBe('("shoigu" OR "schoigu")')
  })

  test('exclusions need something to search for', () => {
    expect(parseSearch('-Putin')).toEqual({ error: 'Add a word to search for: a search cannot only leave things out.' })
    expect(fts('Kim -Putin -"Li Hongzhong"')).toBe('"kim" NOT ("putin" OR "li hongzhong")')
  })

  test('input that is only punctuation is no search at all', () => {
    for (const input of ['', '   ', '"', '*', '-', '()', '^', ':']) {
      expect(toFtsQuery(terms(input)), input).toBeNull()
    }
  })

  test('FTS5 operators are searched as the words they are', () => {
    expect(fts('NEAR(kim')).toBe('"near kim"')
    expect(fts('kim OR putin')).toBe('"kim" AND "or" AND "putin"')
  })
})

describe('whatever is typed, FTS5 sees only quoted strings', () => {
  const db = new Database(':memory:')
  db.exec("create virtual table t using fts5(a, b, tokenize = 'unicode61 remove_diacritics 2')")
  db.prepare('insert into t(a, b) values (?, ?)').run('Kim Jong-un empfing Schoigu in Pjöngjang: 10.000 Soldaten', 'x')
  const matches = (input: string) => {
    const query = fts(input)
    return query === null ? null : db.prepare('select count(*) as n from t where t match ?').get(query)
  }

  test.each([
    'NEAR(kim schoigu)',
    'kim AND OR NOT',
    'a: b',
    'b : kim',
    '{a b}: kim',
    '"unterminated',
    'kim^',
    '***',
    '"" ""',
    "kim'; drop table t; --",
    'NOT kim',
    '(kim',
    '-"',
  ])('%s runs as a search', (input) => {
    expect(() => matches(input)).not.toThrow()
  })

  test('variants find the stored spelling', () => {
    expect(matches('pjongjang')).toEqual({ n: 1 })
    expect(matches('"Kim Jong Un"')).toEqual({ n: 1 })
    expect(matches('10000 Soldaten')).toEqual({ n: 1 })
    expect(matches('Schoi*')).toEqual({ n: 1 })
    expect(matches('Kim -Schoigu')).toEqual({ n: 0 })
  })
})
