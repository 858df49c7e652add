import { describe, expect, test } from 'vitest'
import { shorten } from '#app/utils/format.ts'

describe('shortened texts', () => {
  test('short texts stay as they are, spaces tidied', () => {
    expect(shorten('  Kim   traf Putin. ', 80)).toBe('Kim traf Putin.')
  })

  test('long texts are cut at a word near the limit', () => {
    const text =
      'Nordkorea hat nach südkoreanischen Angaben mehr als 10.000 Soldaten nach Russland geschickt, vor allem in die Region Kursk.'
    const short = shorten(text, 60)
    expect(short).toBe('Nordkorea hat nach südkoreanischen Angaben mehr als 10.000…')
    expect(short.length).toBeLessThanOrEqual(60)
  })

  test('a text without a space near the limit is cut inside the word', () => {
    expect(shorten('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})
