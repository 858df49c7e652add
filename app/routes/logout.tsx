import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { endSession } from '#app/auth/session.server.ts'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request)
  return redirect('/login', { headers: { 'Set-Cookie': cookie } })
}
