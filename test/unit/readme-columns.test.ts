// The README documents the sheet's columns; this keeps the manual from drifting from the code.
import fs from 'node:fs'
import { expect, test } from 'vitest'
import { sheetColumns } from '#app/domain/export/sheet.ts'

test('the README lists every sheet column in order, with its XLSX header and meaning', () => {
  const readme = fs.readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('### The verified-claims sheet'), readme.indexOf('## Configuration'))
  const rows = [...section.matchAll(/^\| `([a-z_]+)`\s*\| ([^|]+?)\s*\| ([^|]+?)\s*\|$/gm)].map((m) => ({
    key: m[1],
    label: m[2],
    about: m[3],
  }))
  expect(rows).toEqual(sheetColumns.map(({ key, label, about }) => ({ key, label, about })))
})
