import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { signOut } from '#app/auth/sign-in.server.ts'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await signOut(request)
  return redirect('/login', { headers: { 'Set-Cookie': cookie } })
}
