import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { SpeakerCreateSchema, SpeakerEditSchema } from '#app/validation/speaker.ts'
import {
  Field,
  FormActions,
  FormErrors,
  SelectField,
  TextareaField,
  type RecordFormProps,
  useDeskForm,
} from './forms.tsx'

export function SpeakerForm({ mode, lastResult, defaultValue, version, cancelHref }: RecordFormProps) {
  // The edit schema is the create schema plus `version`; typing both as one keeps the fields typed.
  const schema = (mode === 'create' ? SpeakerCreateSchema : SpeakerEditSchema) as typeof SpeakerEditSchema
  const [form, fields] = useDeskForm({ id: `speaker-${mode}`, schema, lastResult, defaultValue })
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? [])]} />
      <div className="form-row">
        <Field label="Name" inputProps={getInputProps(fields.name, { type: 'text' })} errors={fields.name.errors} />
        <SelectField
          label="Kind"
          selectProps={getSelectProps(fields.kind)}
          options={[
            { value: 'person', label: 'Person' },
            { value: 'organisation', label: 'Organisation' },
          ]}
          errors={fields.kind.errors}
        />
      </div>
      <div className="form-row">
        <Field
          label="Role or title"
          inputProps={getInputProps(fields.role, { type: 'text' })}
          errors={fields.role.errors}
        />
        <Field
          label="Organisation"
          inputProps={getInputProps(fields.organisation, { type: 'text' })}
          errors={fields.organisation.errors}
        />
        <Field
          label="Country"
          hint="Two letters, e.g. DE."
          inputProps={{ ...getInputProps(fields.country, { type: 'text' }), maxLength: undefined }}
          errors={fields.country.errors}
        />
        <Field
          label="Wikidata id"
          hint="Such as Q7747."
          inputProps={getInputProps(fields.wikidataId, { type: 'text' })}
          errors={fields.wikidataId.errors}
        />
      </div>
      <TextareaField
        label="Other spellings (aliases)"
        hint="One per line, e.g. Sergei Shoigu, Schoigu."
        textareaProps={{ ...getTextareaProps(fields.aliases), rows: 4 }}
        errors={fields.aliases.errors}
      />
      <FormActions submitLabel={mode === 'create' ? 'Create speaker' : 'Save changes'} cancelHref={cancelHref} />
    </Form>
  )
}
