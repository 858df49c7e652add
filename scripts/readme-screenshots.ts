// npm run docs:screenshots — retakes the README's screenshots from the demo data, with
// the same production server and Chromium the browser tests use. Needs a build.
import path from 'node:path'
import { demoUsers, login, repoRoot, startApp, visit } from '#test/e2e/helpers.ts'

const out = path.join(repoRoot, 'docs/screenshots')
const app = await startApp()
try {
  const page = await app.newPage()
  await login(page, demoUsers.editor.email)
  const shots: Array<[string, string]> = [
    ['desk', '/'],
    ['claims', '/claims'],
    ['claim', '/claims/10'],
    ['speaker', '/speakers/16'],
    ['source', '/sources/1'],
    ['activity', '/activity'],
    ['new-claim', '/claims/new'],
    ['export', '/export?status=any&format=jsonld'],
  ]
  for (const [name, url] of shots) {
    await visit(page, url)
    // The claim graph draws after hydration; wait for its canvas where there is one.
    if (await page.locator('.claim-graph').count()) await page.locator('.claim-graph canvas').first().waitFor()
    if (name === 'new-claim') {
      // Typing a claim the desk already has brings up its possible duplicates.
      await page
        .getByLabel('Claim', { exact: true })
        .pressSequentially('Schoigu reiste zum 70. Jahrestag des Kriegsendes nach Pjöngjang.')
      await page.locator('.duplicate-list li').first().waitFor()
    }
    await page.screenshot({ path: path.join(out, `${name}.png`), animations: 'disabled' })
    console.log(`docs/screenshots/${name}.png  ${url}`)
  }
  // The import's preview needs an upload: a sheet from another desk, one row with a mistake.
  await visit(page, '/import')
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'partner-desk.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        '\uFEFFclaim;speaker;source_url;claimed_on;verdict;tags',
        'Nordkorea hat bis zu 12.000 Soldaten nach Russland verlegt.;Kim Jong Un;https://example.org/soldaten;2024-10-23;;nordkorea',
        'Russland liefert Nordkorea im Gegenzug Luftabwehrsysteme.;Sergei Shoigu;;2024-11-22;mostly true;russland',
        'Die Truppen sollen in der Region Kursk eingesetzt werden.;US-Regierung;;23.10.2024;;ukraine-krieg',
      ].join('\r\n'),
    ),
  })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await page.getByRole('heading', { level: 1, name: 'Preview: partner-desk.csv' }).waitFor()
  await page.screenshot({ path: path.join(out, 'import.png'), animations: 'disabled' })
  console.log('docs/screenshots/import.png  /import (a staged upload)')

  // The audit log as an admin finds it after a mistyped password and a role change.
  const admin = await app.newPage()
  await visit(admin, '/login')
  await admin.getByLabel('E-mail').fill(demoUsers.admin.email)
  await admin.getByLabel('Password').fill('mistyped')
  await admin.getByRole('button', { name: 'Sign in' }).click()
  await admin.getByRole('alert').waitFor()
  await login(admin, demoUsers.admin.email)
  await visit(admin, '/admin/users')
  await admin.getByLabel(`Role of ${demoUsers.viewer.name}`).selectOption({ label: 'Editor' })
  await admin
    .getByRole('row', { name: new RegExp(demoUsers.viewer.name) })
    .getByRole('button', { name: 'Change role' })
    .click()
  await admin.getByRole('status').waitFor()
  await visit(admin, '/admin/audit')
  await admin.screenshot({ path: path.join(out, 'audit.png'), animations: 'disabled' })
  console.log('docs/screenshots/audit.png  /admin/audit')
} finally {
  await app.stop()
}
