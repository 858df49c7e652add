import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { sourceKindLabels } from '#app/domain/labels.ts'
import { sourceKinds } from '#app/domain/vocabulary.ts'
import { SourceCreateSchema, SourceEditSchema } from '#app/validation/source.ts'
import {
  Field,
  FormActions,
  FormErrors,
  SelectField,
  TextareaField,
  type RecordFormProps,
  useDeskForm,
} from './forms.tsx'

export function SourceForm({ mode, lastResult, defaultValue, version, cancelHref }: RecordFormProps) {
  // The edit schema is the create schema plus `version`; typing both as one keeps the fields typed.
  const schema = (mode === 'create' ? SourceCreateSchema : SourceEditSchema) as typeof SourceEditSchema
  const [form, fields] = useDeskForm({ id: `source-${mode}`, schema, lastResult, defaultValue })
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? [])]} />
      <Field label="Title" inputProps={getInputProps(fields.title, { type: 'text' })} errors={fields.title.errors} />
      <Field
        label="URL"
        hint="Tracking parameters such as utm_source are removed."
        inputProps={getInputProps(fields.url, { type: 'url' })}
        errors={fields.url.errors}
      />
      <div className="form-row">
        <Field
          label="Outlet"
          inputProps={getInputProps(fields.outlet, { type: 'text' })}
          errors={fields.outlet.errors}
        />
        <Field
          label="Author"
          inputProps={getInputProps(fields.author, { type: 'text' })}
          errors={fields.author.errors}
        />
        <Field
          label="Published"
          inputProps={getInputProps(fields.publishedOn, { type: 'date' })}
          errors={fields.publishedOn.errors}
        />
        <Field
          label="Language"
          hint="Code such as de or en."
          inputProps={getInputProps(fields.language, { type: 'text' })}
          errors={fields.language.errors}
        />
        <SelectField
          label="Kind"
          selectProps={getSelectProps(fields.kind)}
          options={sourceKinds.map((k) => ({ value: k, label: sourceKindLabels[k] }))}
          errors={fields.kind.errors}
        />
      </div>
      <TextareaField
        label="Excerpt"
        hint="The passage that matters, copied exactly."
        textareaProps={{ ...getTextareaProps(fields.excerpt), rows: 6 }}
        errors={fields.excerpt.errors}
      />
      <div className="form-row">
        <Field
          label="Archive URL"
          inputProps={getInputProps(fields.archiveUrl, { type: 'url' })}
          errors={fields.archiveUrl.errors}
        />
        <Field
          label="Retrieved"
          inputProps={getInputProps(fields.retrievedOn, { type: 'date' })}
          errors={fields.retrievedOn.errors}
        />
      </div>
      <TextareaField
        label="Notes"
        textareaProps={{ ...getTextareaProps(fields.notes), rows: 3 }}
        errors={fields.notes.errors}
      />
      <FormActions submitLabel={mode === 'create' ? 'Create source' : 'Save changes'} cancelHref={cancelHref} />
    </Form>
  )
}
