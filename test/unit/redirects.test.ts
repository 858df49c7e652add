import { describe, expect, test } from 'vitest'
import { safeRedirectPath } from '#app/auth/permissions.server.ts'

describe('safeRedirectPath', () => {
  test.each([
    ['/claims?status=new', '/claims?status=new'],
    ['/claims/12#history', '/claims/12#history'],
    ['/claims?q=Pjöngjang', '/claims?q=Pj%C3%B6ngjang'],
  ])('keeps the local path %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected)
  })

  test.each([
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\\\\evil.example',
    'https://evil.example',
    'evil',
    '',
    null,
    undefined,
  ])('refuses %j', (input) => {
    expect(safeRedirectPath(input)).toBe('/')
  })

  test('the result is always safe for a Location header', () => {
    expect(() => new Headers({ Location: safeRedirectPath('/claims?q=金正恩') })).not.toThrow()
  })
})
