import { describe, expect, test } from 'vitest'
import { normalizeSourceUrl } from '#app/domain/urls.ts'

describe('normalizeSourceUrl', () => {
  test.each([
    ['HTTPS://WWW.Example.ORG/Artikel/', 'https://www.example.org/Artikel'],
    ['https://example.org/a?utm_source=x&utm_medium=y&id=3', 'https://example.org/a?id=3'],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?a=1&b=2'],
    ['https://example.org/a?fbclid=abc#section', 'https://example.org/a'],
    ['https://example.org:443/a', 'https://example.org/a'],
    ['http://example.org/', 'http://example.org'],
    ['  https://example.org/x  ', 'https://example.org/x'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSourceUrl(input)).toBe(expected)
  })

  test('the same article from different links is one URL', () => {
    const a = normalizeSourceUrl('https://www.fr.de/politik/schoigu-nordkorea-123.html?utm_campaign=newsletter')
    const b = normalizeSourceUrl('HTTPS://www.fr.de/politik/schoigu-nordkorea-123.html#comments')
    expect(a).toBe(b)
  })

  test.each(['not a url', 'ftp://example.org/file', 'javascript:alert(1)', 'https://localhostx', ''])(
    'rejects %s',
    (input) => {
      expect(normalizeSourceUrl(input)).toBeNull()
    },
  )
})
