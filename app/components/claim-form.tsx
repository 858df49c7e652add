import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { verdictLabels } from '#app/domain/labels.ts'
import { verdicts } from '#app/domain/vocabulary.ts'
import { ClaimCreateSchema, ClaimEditSchema } from '#app/validation/claim.ts'
import {
  CheckboxField,
  Field,
  FormActions,
  FormErrors,
  SelectField,
  TextareaField,
  type RecordFormProps,
  useDeskForm,
} from './forms.tsx'
import { Picker } from './picker.tsx'
import { useSimilarClaimsLookup } from './possible-duplicates.tsx'
import { SourceChoiceFieldset } from './source-choice.tsx'

export type ClaimFormDefaults = Partial<Record<string, string>>

export function ClaimForm({ mode, lastResult, defaultValue, version, cancelHref }: RecordFormProps<ClaimFormDefaults>) {
  // The edit schema is the create schema plus `version`; typing both as one keeps the fields typed.
  const schema = (mode === 'create' ? ClaimCreateSchema : ClaimEditSchema) as typeof ClaimEditSchema
  const navigation = useNavigation()
  const [form, fields] = useDeskForm({ id: `claim-${mode}`, schema, lastResult, defaultValue })
  const initial = (form.initialValue ?? defaultValue ?? {}) as Record<string, string | undefined>
  const lookForDuplicates = useSimilarClaimsLookup()
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? [])]} />
      <TextareaField
        label="Claim"
        hint="The statement as it was made, in its original language."
        textareaProps={{
          ...getTextareaProps(fields.text),
          rows: 3,
          onChange:
            mode === 'create'
              ? (event) => {
                  const speaker = event.currentTarget.form?.elements.namedItem('speakerName')
                  lookForDuplicates(event.currentTarget.value, speaker instanceof HTMLInputElement ? speaker.value : '')
                }
              : undefined,
        }}
        errors={fields.text.errors}
      />
      <TextareaField
        label="Exact quote (optional)"
        hint="Word for word, if the claim was quoted."
        textareaProps={{ ...getTextareaProps(fields.quote), rows: 2 }}
        errors={fields.quote.errors}
      />
      <div className="form-row">
        <Field
          label="Language"
          hint="Code such as de or en."
          inputProps={getInputProps(fields.language, { type: 'text' })}
          errors={fields.language.errors}
        />
        <Field
          label="Date made"
          inputProps={getInputProps(fields.claimedOn, { type: 'date' })}
          errors={fields.claimedOn.errors}
        />
        <Field
          label="Tags"
          hint="Separated by commas."
          inputProps={getInputProps(fields.tags, { type: 'text' })}
          errors={fields.tags.errors}
        />
      </div>
      <fieldset>
        <legend>Who made it</legend>
        <Picker
          label="Speaker"
          hint="Who made the claim. Any known spelling works; leave empty for unattributed."
          name="speakerName"
          idName="speakerId"
          defaultValue={initial.speakerName ?? ''}
          defaultId={initial.speakerId ?? ''}
          errors={[...(fields.speakerName.errors ?? []), ...(fields.speakerId.errors ?? [])]}
          resource="/resources/speakers"
        />
        <CheckboxField
          label="New speaker: create them with this name"
          inputProps={getInputProps(fields.newSpeaker, { type: 'checkbox' })}
          errors={fields.newSpeaker.errors}
        />
        <div className="form-row shown-when-ticked">
          <Field
            label="Role of a new speaker (optional)"
            inputProps={getInputProps(fields.newSpeakerRole, { type: 'text' })}
            errors={fields.newSpeakerRole.errors}
          />
        </div>
      </fieldset>
      <SourceChoiceFieldset legend="Where it appeared" fields={fields} initial={initial} />
      {mode === 'edit' ? (
        <fieldset>
          <legend>Check</legend>
          <SelectField
            label="Verdict"
            selectProps={getSelectProps(fields.verdict)}
            options={[
              { value: '', label: '— none yet —' },
              ...verdicts.map((v) => ({ value: v, label: verdictLabels[v] })),
            ]}
            errors={fields.verdict.errors}
          />
          <TextareaField
            label="Rationale"
            hint="Why the verdict holds, with reference to the evidence."
            textareaProps={{ ...getTextareaProps(fields.rationale), rows: 4 }}
            errors={fields.rationale.errors}
          />
        </fieldset>
      ) : null}
      <FormActions
        submitLabel={mode === 'create' ? 'Create claim' : 'Save changes'}
        cancelHref={cancelHref}
        busy={navigation.state === 'submitting'}
      />
    </Form>
  )
}
