import type { ReactNode } from 'react'
import { Picker } from '../picker.tsx'
import { FieldShell, type ControlA11y } from '../forms.tsx'

/** A filter's label, control and errors: the forms' field shell, with an id from the filter's name. */
function FilterField({
  name,
  label,
  errors,
  children,
}: {
  name: string
  label: string
  errors?: string[]
  children: (props: ControlA11y & { name: string }) => ReactNode
}) {
  return (
    <FieldShell label={label} errors={errors} controlId={`filter-${name}`}>
      {(a11y) => children({ ...a11y, name })}
    </FieldShell>
  )
}

/** A list filter's drop-down; the empty first choice means "no filter". */
export function FilterSelect({
  value,
  options,
  anyLabel = 'Any',
  ...field
}: {
  name: string
  label: string
  value: string | number | undefined
  options: Array<{ value: string | number; label: string }>
  anyLabel?: string | null
  errors?: string[]
}) {
  return (
    <FilterField {...field}>
      {(props) => (
        <select {...props} defaultValue={value ?? ''}>
          {anyLabel === null ? null : <option value="">{anyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FilterField>
  )
}

export function FilterDate({
  value,
  ...field
}: {
  name: string
  label: string
  value: string | undefined
  errors?: string[]
}) {
  return <FilterField {...field}>{(props) => <input {...props} type="date" defaultValue={value ?? ''} />}</FilterField>
}

/** The speaker and source filters: any spelling typed, or picked from the suggestions. */
export function SpeakerAndSourceFilters({
  shown,
  ids,
  errors,
}: {
  shown: { speakerName: string; sourceName: string }
  ids: { speaker?: string | number; source?: string | number }
  errors: { speakerName?: string[]; sourceName?: string[] }
}) {
  return (
    <>
      <Picker
        label="Speaker"
        name="speakerName"
        idName="speaker"
        defaultValue={shown.speakerName}
        defaultId={ids.speaker ? String(ids.speaker) : ''}
        errors={errors.speakerName}
        resource="/resources/speakers"
      />
      <Picker
        label="Source"
        name="sourceName"
        idName="source"
        defaultValue={shown.sourceName}
        defaultId={ids.source ? String(ids.source) : ''}
        errors={errors.sourceName}
        resource="/resources/sources"
      />
    </>
  )
}
