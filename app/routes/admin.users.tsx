import { getFormProps, getInputProps, getSelectProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireAdmin } from '#app/auth/permissions.server.ts'
import { PageHeader } from '#app/components/ui/layout.tsx'
import { ErrorList, Field, FormActions, SelectField, useDeskForm } from '#app/components/forms.tsx'
import { roleLabels } from '#app/domain/labels.ts'
import {
  changeUserRole,
  createUser,
  liftUserSignInPause,
  listUsers,
  setUserDisabled,
} from '#app/domain/users.server.ts'
import { roles } from '#app/domain/vocabulary.ts'
import { FieldError, NotFoundError } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { invalid, replyWithFieldErrors, readFormData } from '#app/utils/responses.server.ts'
import { UserCreateSchema, UserDisableSchema, UserRoleSchema } from '#app/validation/user.ts'

export const meta: MetaFunction = () => [{ title: 'Users · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  return { users: listUsers(), adminId: admin.id }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: UserCreateSchema })
    if (submission.status !== 'success') return invalid(submission)
    try {
      await createUser(submission.value, admin.id)
    } catch (error) {
      return replyWithFieldErrors(submission, error)
    }
    return data({ result: submission.reply({ resetForm: true }), notice: `${submission.value.email} can now sign in.` })
  }
  const parsed =
    intent === 'role'
      ? UserRoleSchema.safeParse(Object.fromEntries(formData))
      : UserDisableSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success)
    return data({ error: parsed.error.issues[0]?.message ?? 'That request was not understood.' }, { status: 400 })
  const change = parsed.data
  try {
    if (change.intent === 'role') changeUserRole(admin.id, change.userId, change.role)
    else if (change.intent === 'lift-pause') await liftUserSignInPause(admin.id, change.userId)
    else await setUserDisabled(admin.id, change.userId, change.intent === 'disable')
  } catch (error) {
    if (error instanceof FieldError) return data({ error: error.message }, { status: 400 })
    if (error instanceof NotFoundError) return data({ error: 'That user no longer exists.' }, { status: 404 })
    throw error
  }
  return data({ notice: 'Saved.' })
}

export default function UsersPage() {
  const { users, adminId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useDeskForm({
    id: 'create-user',
    schema: UserCreateSchema,
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: { role: 'editor' },
  })
  return (
    <main id="main">
      <PageHeader title="Users" intro="Who may sign in to the desk, and what they may do." />
      {actionData && 'error' in actionData ? (
        <div className="alert error" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {actionData && 'notice' in actionData ? (
        <div className="alert ok" role="status">
          <p>{actionData.notice}</p>
        </div>
      ) : null}
      <div className="table-wrap" style={{ marginBottom: '1.25rem' }}>
        <table className="middle">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  {u.id === adminId ? (
                    roleLabels[u.role]
                  ) : (
                    <Form method="post" className="actions">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="sr-only" htmlFor={`role-${u.id}`}>
                        Role of {u.name}
                      </label>
                      <select
                        key={u.role}
                        id={`role-${u.id}`}
                        name="role"
                        defaultValue={u.role}
                        style={{ width: 'auto' }}
                      >
                        {roles.map((r) => (
                          <option key={r} value={r}>
                            {roleLabels[r]}
                          </option>
                        ))}
                      </select>
                      <button type="submit">Change role</button>
                    </Form>
                  )}
                </td>
                <td>
                  {u.disabledAt ? (
                    <span className="badge status-rejected">Disabled</span>
                  ) : (
                    <span className="badge status-verified">Active</span>
                  )}{' '}
                  {u.signInPaused && !u.disabledAt ? (
                    <Form method="post" style={{ display: 'inline' }}>
                      <span className="badge status-in_review">Sign-in paused</span>{' '}
                      <input type="hidden" name="userId" value={u.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="lift-pause"
                        aria-label={`Lift the sign-in pause of ${u.name}`}
                        title="Too many failed sign-ins paused this account; lift it once you know it was them"
                      >
                        Lift pause
                      </button>
                    </Form>
                  ) : null}{' '}
                  {u.id === adminId ? null : (
                    <Form method="post" style={{ display: 'inline' }}>
                      <input type="hidden" name="userId" value={u.id} />
                      <button
                        type="submit"
                        name="intent"
                        value={u.disabledAt ? 'enable' : 'disable'}
                        className={u.disabledAt ? undefined : 'danger'}
                        aria-label={`${u.disabledAt ? 'Enable' : 'Disable'} ${u.name}`}
                      >
                        {u.disabledAt ? 'Enable' : 'Disable'}
                      </button>
                    </Form>
                  )}
                </td>
                <td className="small nowrap">{formatDate(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Add a user</h2>
        <p className="muted small">Give them the password by a separate channel; they can sign in at once.</p>
        <Form method="post" className="stack-form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <div className="form-row">
            <Field label="Name" inputProps={getInputProps(fields.name, { type: 'text' })} errors={fields.name.errors} />
            <Field
              label="E-mail"
              inputProps={getInputProps(fields.email, { type: 'email' })}
              errors={fields.email.errors}
            />
            <SelectField
              label="Role"
              selectProps={getSelectProps(fields.role)}
              options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
              errors={fields.role.errors}
            />
            <Field
              label="Initial password"
              hint="At least 10 characters."
              inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }}
              errors={fields.password.errors}
            />
          </div>
          <ErrorList id={form.errorId} errors={form.errors} />
          <FormActions submitLabel="Add user" />
        </Form>
      </section>
    </main>
  )
}
