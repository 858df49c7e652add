import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link, useActionData } from '@remix-run/react'
import { SavedViewSaveSchema } from '#app/validation/claim.ts'
import { CheckboxField, Field, FormErrors, useDeskForm, useDisclosure } from './forms.tsx'

type SavedView = { id: number; name: string; query: string }

/**
 * The person's saved views of the claims list, and a form to save the list as it is now.
 * Each view is a link to its URL, so opening one is ordinary navigation (back works).
 */
export function SavedViews({ views, currentQuery }: { views: SavedView[]; currentQuery: string }) {
  const actionData = useActionData<{ result?: SubmissionResult<string[]> }>()
  const lastResult = actionData?.result
  const [form, fields] = useDeskForm({ id: 'save-view', schema: SavedViewSaveSchema, lastResult })
  const disclosure = useDisclosure(lastResult)
  return (
    <section className="saved-views" aria-labelledby="saved-views-heading">
      <h2 id="saved-views-heading">My views</h2>
      {views.length === 0 ? (
        <p className="muted small">Save a search and its filters to reopen them in one click.</p>
      ) : (
        <ul>
          {views.map((view) => {
            const current = view.query === currentQuery
            return (
              <li key={view.id} className={current ? 'current' : undefined}>
                <Link to={view.query ? `/claims?${view.query}` : '/claims'} aria-current={current ? 'page' : undefined}>
                  {view.name}
                </Link>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="viewId" value={view.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="delete-view"
                    className="link-button"
                    aria-label={`Delete the saved view “${view.name}”`}
                    title="Delete this view"
                  >
                    ×
                  </button>
                </Form>
              </li>
            )
          })}
        </ul>
      )}
      <details className="section-form" {...disclosure}>
        <summary>Save this view</summary>
        <Form method="post" className="stack-form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="save-view" />
          <input type="hidden" name="query" value={currentQuery} />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label="View name"
            hint="What this list is, e.g. “Schoigu, in review”."
            errors={fields.name.errors}
            inputProps={{ ...getInputProps(fields.name, { type: 'text' }), maxLength: 60 }}
          />
          <CheckboxField
            label="Replace it if I already have a view of that name"
            inputProps={getInputProps(fields.replace, { type: 'checkbox' })}
          />
          <div className="actions">
            <button type="submit" className="primary">
              Save view
            </button>
          </div>
        </Form>
      </details>
    </section>
  )
}
