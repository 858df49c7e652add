// The README says who may do what; the access matrix tests it route by route. This keeps
// the two from drifting: the README's table must be the one the matrix's table gives.
import fs from 'node:fs'
import { expect, test } from 'vitest'
import { readmeAccessTable } from '#test/helpers/access-table.ts'

test('the README’s “Who may do what” table is the access matrix’s, area by area', () => {
  const readme = fs.readFileSync('README.md', 'utf8')
  const start = readme.indexOf('### Who may do what')
  const section = readme.slice(start, readme.indexOf('\n### ', start + 1))
  // Prettier pads the README's cells and rules; what they say is compared, not their width.
  const words = (line: string) => line.replace(/\s*\|\s*/g, '|').replace(/-{3,}/g, '---')
  const tableLines = section.split('\n').filter((line) => line.startsWith('|'))
  expect(tableLines.map(words)).toEqual(readmeAccessTable().map(words))
})
