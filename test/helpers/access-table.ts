// Who may do what, route by route: the expected outcome of every loader (GET) and every
// action form (POST, one row per intent) for each kind of visitor. The access matrix test
// (test/integration/access-matrix.test.ts) runs every row; the README's "Who may do what"
// table is checked against the "area" column (test/unit/readme-access.test.ts).
//
// A new route module fails the matrix until it has rows here and a scenario there.
//
// Outcomes:
//   ok     allowed: 2xx, or a redirect to where the form leads, and the write is done
//   login  302 to /login?redirectTo=<the URL asked for>; nothing written
//   403    refused with a message naming the role needed; nothing written
//   home   302 to / (signed-in users have no business on the login page); nothing written
//   400    the sign-in form refused (no such account, or a disabled one); nothing written
//
// "disabled" is a user who was signed in when an admin disabled them, using that session.
// Area "-" rows (signing in and out) are open to everyone and left out of the README table.

export const visitors = ['anonymous', 'viewer', 'editor', 'admin', 'disabled'] as const
export type Visitor = (typeof visitors)[number]
export const outcomes = ['ok', 'login', '403', 'home', '400'] as const
export type Outcome = (typeof outcomes)[number]

export const accessTable = `
route module                       | request                 | area    | anonymous | viewer | editor | admin | disabled
_index.tsx                         | GET                     | read    | login     | ok     | ok     | ok    | login
activity.tsx                       | GET                     | read    | login     | ok     | ok     | ok    | login
admin.audit.tsx                    | GET                     | users   | login     | 403    | 403    | ok    | login
admin.users.tsx                    | GET                     | users   | login     | 403    | 403    | ok    | login
admin.users.tsx                    | POST create             | users   | login     | 403    | 403    | ok    | login
admin.users.tsx                    | POST role               | users   | login     | 403    | 403    | ok    | login
admin.users.tsx                    | POST disable            | users   | login     | 403    | 403    | ok    | login
admin.users.tsx                    | POST enable             | users   | login     | 403    | 403    | ok    | login
admin.users.tsx                    | POST lift-pause         | users   | login     | 403    | 403    | ok    | login
claims.$claimId._index/route.tsx   | GET                     | read    | login     | ok     | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST delete             | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST restore            | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST review             | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST assign             | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST attach-evidence    | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST remove-evidence    | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST add-link           | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST remove-link        | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST annotation-add     | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST annotation-reply   | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST annotation-edit    | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST annotation-resolve | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST annotation-reopen  | write   | login     | 403    | ok     | ok    | login
claims.$claimId._index/route.tsx   | POST annotation-remove  | write   | login     | 403    | ok     | ok    | login
claims.$claimId.edit.tsx           | GET                     | write   | login     | 403    | ok     | ok    | login
claims.$claimId.edit.tsx           | POST                    | write   | login     | 403    | ok     | ok    | login
claims._index.tsx                  | GET                     | read    | login     | ok     | ok     | ok    | login
claims._index.tsx                  | POST save-view          | views   | login     | ok     | ok     | ok    | login
claims._index.tsx                  | POST delete-view        | views   | login     | ok     | ok     | ok    | login
claims.new.tsx                     | GET                     | write   | login     | 403    | ok     | ok    | login
claims.new.tsx                     | POST                    | write   | login     | 403    | ok     | ok    | login
claims.trash.tsx                   | GET                     | read    | login     | ok     | ok     | ok    | login
export._index.tsx                  | GET                     | export  | login     | ok     | ok     | ok    | login
export.claims[.]csv.ts             | GET                     | export  | login     | ok     | ok     | ok    | login
export.claims[.]json.ts            | GET                     | export  | login     | ok     | ok     | ok    | login
export.claims[.]jsonld.ts          | GET                     | export  | login     | ok     | ok     | ok    | login
export.claims[.]xlsx.ts            | GET                     | export  | login     | ok     | ok     | ok    | login
import.$importId.tsx               | GET                     | import  | login     | 403    | ok     | ok    | login
import.$importId.tsx               | POST map                | import  | login     | 403    | ok     | ok    | login
import.$importId.tsx               | POST import             | import  | login     | 403    | ok     | ok    | login
import.$importId.tsx               | POST discard            | import  | login     | 403    | ok     | ok    | login
import._index.tsx                  | GET                     | import  | login     | 403    | ok     | ok    | login
import._index.tsx                  | POST                    | import  | login     | 403    | ok     | ok    | login
login.tsx                          | GET                     | -       | ok        | home   | home   | home  | ok
login.tsx                          | POST                    | -       | 400       | ok     | ok     | ok    | 400
logout.tsx                         | GET                     | -       | home      | home   | home   | home  | home
logout.tsx                         | POST                    | -       | ok        | ok     | ok     | ok    | ok
resources.claims.tsx               | GET                     | read    | login     | ok     | ok     | ok    | login
resources.import-upload.ts        | GET                     | import  | login     | 403    | ok     | ok    | login
resources.import-upload.ts        | POST                    | import  | login     | 403    | ok     | ok    | login
resources.similar-claims.tsx       | GET                     | read    | login     | ok     | ok     | ok    | login
resources.sources.tsx              | GET                     | read    | login     | ok     | ok     | ok    | login
resources.speakers.tsx             | GET                     | read    | login     | ok     | ok     | ok    | login
sources.$sourceId._index.tsx       | GET                     | read    | login     | ok     | ok     | ok    | login
sources.$sourceId._index.tsx       | POST annotation-passage | write   | login     | 403    | ok     | ok    | login
sources.$sourceId._index.tsx       | POST annotation-reply   | write   | login     | 403    | ok     | ok    | login
sources.$sourceId._index.tsx       | POST annotation-edit    | write   | login     | 403    | ok     | ok    | login
sources.$sourceId._index.tsx       | POST annotation-resolve | write   | login     | 403    | ok     | ok    | login
sources.$sourceId._index.tsx       | POST annotation-reopen  | write   | login     | 403    | ok     | ok    | login
sources.$sourceId._index.tsx       | POST annotation-remove  | write   | login     | 403    | ok     | ok    | login
sources.$sourceId.edit.tsx         | GET                     | write   | login     | 403    | ok     | ok    | login
sources.$sourceId.edit.tsx         | POST                    | write   | login     | 403    | ok     | ok    | login
sources._index.tsx                 | GET                     | read    | login     | ok     | ok     | ok    | login
sources.new.tsx                    | GET                     | write   | login     | 403    | ok     | ok    | login
sources.new.tsx                    | POST                    | write   | login     | 403    | ok     | ok    | login
speakers.$speakerId._index.tsx     | GET                     | read    | login     | ok     | ok     | ok    | login
speakers.$speakerId.edit.tsx       | GET                     | write   | login     | 403    | ok     | ok    | login
speakers.$speakerId.edit.tsx       | POST                    | write   | login     | 403    | ok     | ok    | login
speakers.$speakerId.merge.tsx      | GET                     | write   | login     | 403    | ok     | ok    | login
speakers.$speakerId.merge.tsx      | POST                    | write   | login     | 403    | ok     | ok    | login
speakers._index.tsx                | GET                     | read    | login     | ok     | ok     | ok    | login
speakers.new.tsx                   | GET                     | write   | login     | 403    | ok     | ok    | login
speakers.new.tsx                   | POST                    | write   | login     | 403    | ok     | ok    | login
`

export type AccessRow = { route: string; request: string; area: string; expected: Record<Visitor, Outcome> }

export function parseAccessTable(table = accessTable): AccessRow[] {
  const [header, ...lines] = table
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
  if (header?.slice(3).join() !== visitors.join()) throw new Error(`The access table's columns are not ${visitors}.`)
  return lines.map((cells) => {
    const [route, request, area, ...cols] = cells as [string, string, string, ...string[]]
    if (cols.length !== visitors.length || cols.some((c) => !(outcomes as readonly string[]).includes(c))) {
      throw new Error(`Access table row "${cells.join(' | ')}" needs one of ${outcomes} per visitor.`)
    }
    return {
      route,
      request,
      area,
      expected: Object.fromEntries(visitors.map((v, i) => [v, cols[i]])) as Record<Visitor, Outcome>,
    }
  })
}

/** How the README's table names each area and each outcome. */
export const readmeAreas: Record<string, string> = {
  read: 'Read the desk: claims, speakers, sources, trash, activity, look-ups',
  views: 'Keep saved views of the claims list',
  export: 'Export verified claims (preview and downloads)',
  write: 'Write: claims, evidence, review, links, notes, speakers, sources, merges, trash',
  import: 'Import claims from a file',
  users: 'Manage users (add, change role, disable, enable) and read the audit log',
}
export const readmeOutcomes: Partial<Record<Outcome, string>> = {
  ok: 'yes',
  '403': 'no (403)',
  login: 'sign-in page',
}
export const readmeVisitors: Record<Visitor, string> = {
  anonymous: 'Not signed in',
  viewer: 'Viewer',
  editor: 'Editor',
  admin: 'Admin',
  disabled: 'Disabled user',
}

/**
 * The README's table, as its lines: one row per area, in the order of `readmeAreas`. Every
 * route and form of an area must have the same outcome for a visitor, or the README could
 * not say it in one cell.
 */
export function readmeAccessTable(rows = parseAccessTable()) {
  const header = ['What', ...visitors.map((v) => readmeVisitors[v])]
  const lines = [header, header.map(() => '---')]
  for (const [area, label] of Object.entries(readmeAreas)) {
    const inArea = rows.filter((r) => r.area === area)
    if (inArea.length === 0) throw new Error(`No route of the access table is in the area "${area}".`)
    const cells = visitors.map((visitor) => {
      const seen = new Set(inArea.map((r) => r.expected[visitor]))
      const [outcome] = seen
      if (seen.size !== 1 || !readmeOutcomes[outcome!]) {
        throw new Error(`Area "${area}" has outcomes ${[...seen].join(', ')} for ${visitor}; split the area.`)
      }
      return readmeOutcomes[outcome!]!
    })
    lines.push([label, ...cells])
  }
  const unknown = rows.filter((r) => r.area !== '-' && !readmeAreas[r.area])
  if (unknown.length) throw new Error(`Areas without a README row: ${unknown.map((r) => r.area).join(', ')}`)
  return lines.map((cells) => `| ${cells.join(' | ')} |`)
}
