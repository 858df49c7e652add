// A signed-in editor's requests without a browser, sent as a browser sends its forms:
// urlencoded bodies with the app's own Origin, the session cookie, redirects not followed.
// No vitest imports: scripts outside the test runner may use this module too.
import { demoPassword } from '#seeds/demo-accounts.ts'

export type DeskSession = {
  cookie: string
  get: (path: string) => Promise<Response>
  post: (path: string, fields: Record<string, string>) => Promise<Response>
}

export function deskSession(baseUrl: string, cookie = ''): DeskSession {
  const headers = (): Record<string, string> => (cookie ? { Cookie: cookie } : {})
  return {
    cookie,
    get: (path) => fetch(`${baseUrl}${path}`, { headers: headers(), redirect: 'manual' }),
    post: (path, fields) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers(), Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
        redirect: 'manual',
      }),
  }
}

/** Signs in through POST /login as the login form does; throws unless the app lets them in. */
export async function signInOverHttp(baseUrl: string, email: string, password = demoPassword) {
  const response = await deskSession(baseUrl).post('/login', { email, password })
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => !pair.endsWith('='))
  if (response.status !== 302 || !cookie) {
    throw new Error(`Signing in as ${email} failed: HTTP ${response.status}\n${(await response.text()).slice(0, 500)}`)
  }
  return deskSession(baseUrl, cookie)
}

/** The id of the claim a "create claim" redirect leads to. */
export function createdClaimId(response: Response) {
  const match = /^\/claims\/(\d+)$/.exec(response.headers.get('Location') ?? '')
  return match && response.status === 302 ? Number(match[1]) : null
}
