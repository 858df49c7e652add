import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { getSession } from '#app/auth/permissions.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { roleLabels } from '#app/domain/labels.ts'
import { useNonce } from '#app/utils/nonce-provider.ts'
import appStylesHref from '#app/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setCookie } = await getSession(request)
  return data({ user }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined)
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>('root')?.user ?? null
}

function TopBar() {
  const user = useOptionalUser()
  const { pathname } = useLocation()
  if (!user) return null
  // The trash lives under /claims but is its own tab.
  const inClaims = pathname.startsWith('/claims') && !pathname.startsWith('/claims/trash')
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          Claim desk
        </a>
        <nav className="mainnav" aria-label="Main">
          <NavLink to="/" end>
            Desk
          </NavLink>
          <Link to="/claims" aria-current={inClaims ? 'page' : undefined}>
            Claims
          </Link>
          <NavLink to="/activity">Activity</NavLink>
          <NavLink to="/speakers">Speakers</NavLink>
          <NavLink to="/sources">Sources</NavLink>
          <NavLink to="/claims/trash">Trash</NavLink>
          <NavLink to="/export">Export</NavLink>
          {user.role === 'viewer' ? null : <NavLink to="/import">Import</NavLink>}
          {user.role === 'admin' ? <NavLink to="/admin/users">Users</NavLink> : null}
          {user.role === 'admin' ? <NavLink to="/admin/audit">Audit log</NavLink> : null}
        </nav>
        <div className="usermenu">
          <span>
            {user.name} <span className="role">{roleLabels[user.role]}</span>
          </span>
          <Form method="post" action="/logout">
            <button type="submit">Log out</button>
          </Form>
        </div>
      </div>
    </header>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TopBar />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return (
    <main id="main">
      <GeneralErrorBoundary />
    </main>
  )
}
