import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { getOptionalUser, safeRedirectPath } from '#app/auth/permissions.server.ts'
import { startSession } from '#app/auth/session.server.ts'
import { Field, FormErrors, useDeskForm } from '#app/components/forms.tsx'
import { authenticate } from '#app/domain/users.server.ts'
import { LoginSchema } from '#app/validation/user.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  if (user) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')))
  }
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const user = await authenticate(submission.value.email, submission.value.password)
  if (!user) {
    // One message for every failure, so the form does not reveal which accounts exist.
    return data(
      { result: submission.reply({ formErrors: ['E-mail or password is not right.'], hideFields: ['password'] }) },
      { status: 400 },
    )
  }
  const cookie = await startSession(user.id, request)
  return redirect(safeRedirectPath(submission.value.redirectTo), { headers: { 'Set-Cookie': cookie } })
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useDeskForm({
    id: 'login',
    schema: LoginSchema,
    lastResult: actionData?.result,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
  })
  return (
    <div className="login-shell">
      <main id="main" className="login-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          Claim desk
        </div>
        <h1>Sign in</h1>
        <p className="muted">The fact-check workbench of the desk.</p>
        <Form method="post" className="stack-form" {...getFormProps(form)}>
          <input {...getInputProps(fields.redirectTo, { type: 'hidden' })} />
          <Field
            label="E-mail"
            inputProps={{
              ...getInputProps(fields.email, { type: 'email' }),
              autoComplete: 'username',
              autoFocus: true,
            }}
            errors={fields.email.errors}
          />
          <Field
            label="Password"
            inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'current-password' }}
            errors={fields.password.errors}
          />
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="primary" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Signing in…' : 'Sign in'}
          </button>
        </Form>
      </main>
    </div>
  )
}
