import { describe, expect, test } from 'vitest'
import { neutralisedCell } from '#app/domain/export/csv.server.ts'

describe('cells a spreadsheet would run as a formula', () => {
  test.each(['=1+1', '+49 30 1234', '-5 %', '@SUM(A1)', '\tEingerückt', '\rZeile'])(
    '%j gets a leading apostrophe',
    (value) => {
      expect(neutralisedCell(value)).toBe(`'${value}`)
    },
  )

  test.each(['Schoigu', '10.000 Soldaten', "'zitiert'", ' =nicht am Anfang', ''])('%j is left as it is', (value) => {
    expect(neutralisedCell(value)).toBe(value)
  })
})
