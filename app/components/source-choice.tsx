import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { CheckboxField, Field } from './forms.tsx'
import { Picker } from './picker.tsx'

type SourceChoiceField =
  | 'sourceRef'
  | 'sourceId'
  | 'newSource'
  | 'newSourceTitle'
  | 'newSourceUrl'
  | 'newSourceOutlet'
  | 'newSourcePublishedOn'

/**
 * Pick a source already on the desk, or tick "New source" and describe it: the claim form
 * and the evidence form both offer this, with the fields of `sourceChoiceFields`.
 */
export function SourceChoiceFieldset({
  legend,
  fields,
  initial,
  hint = 'Title or URL of a source already on the desk.',
}: {
  legend: string
  // Conform types each form's fields by its schema; only these names matter here.
  fields: Record<SourceChoiceField, FieldMetadata<unknown, Record<string, unknown>, string[]>>
  initial: Record<string, string | undefined>
  hint?: string
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <Picker
        // A new key after a successful save empties the field with the rest of the form.
        key={fields.sourceRef.key}
        label="Source"
        hint={hint}
        name={fields.sourceRef.name}
        idName={fields.sourceId.name}
        defaultValue={initial.sourceRef ?? ''}
        defaultId={initial.sourceId ?? ''}
        errors={[...(fields.sourceRef.errors ?? []), ...(fields.sourceId.errors ?? [])]}
        resource="/resources/sources"
      />
      <CheckboxField
        label="New source: add it with the details below"
        inputProps={getInputProps(fields.newSource, { type: 'checkbox' })}
        errors={fields.newSource.errors}
      />
      <div className="form-row shown-when-ticked">
        <Field
          label="New source title"
          inputProps={getInputProps(fields.newSourceTitle, { type: 'text' })}
          errors={fields.newSourceTitle.errors}
        />
        <Field
          label="New source URL"
          inputProps={getInputProps(fields.newSourceUrl, { type: 'url' })}
          errors={fields.newSourceUrl.errors}
        />
        <Field
          label="Outlet"
          inputProps={getInputProps(fields.newSourceOutlet, { type: 'text' })}
          errors={fields.newSourceOutlet.errors}
        />
        <Field
          label="Published"
          inputProps={getInputProps(fields.newSourcePublishedOn, { type: 'date' })}
          errors={fields.newSourcePublishedOn.errors}
        />
      </div>
    </fieldset>
  )
}
