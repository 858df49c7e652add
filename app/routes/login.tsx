import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { getOptionalUser, safeRedirectPath } from '#app/auth/permissions.server.ts'
import { signIn } from '#app/auth/sign-in.server.ts'
import { Field, FormErrors, useDeskForm } from '#app/components/forms.tsx'
import { LoginSchema } from '#app/validation/user.ts'
import { readFormData } from '#app/utils/responses.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Claim desk' }]

// A paused sign-in's Retry-After goes out with the page, not only with the action's data.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  if (user) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')))
  }
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const outcome = await signIn(request, submission.value.email, submission.value.password)
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: [outcome.message], hideFields: ['password'] }) },
      {
        status: outcome.status,
        headers: outcome.retryAfterSeconds ? { 'Retry-After': String(outcome.retryAfterSeconds) } : undefined,
      },
    )
  }
  return redirect(safeRedirectPath(submission.value.redirectTo), { headers: { 'Set-Cookie': outcome.setCookie } })
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
