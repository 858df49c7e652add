import type { ReactNode } from 'react'
import { Picker } from '../picker.tsx'
import { ErrorList } from '../forms.tsx'

type ControlProps = { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

/** A filter's label, control and errors, the control wired to both. */
function FilterField({
  name,
  label,
  errors,
  children,
}: {
  name: string
  label: string
  errors?: string[]
  children: (props: ControlProps) => ReactNode
}) {
  const errorId = errors?.length ? `filter-${name}-error` : undefined
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      {children({
        id: `filter-${name}`,
        name,
        'aria-invalid': errorId ? true : undefined,
        'aria-describedby': errorId,
      })}
      <ErrorList id={errorId} errors={errors} />
    </div>
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
