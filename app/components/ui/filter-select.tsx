import { ErrorList } from '../forms.tsx'

/** A list filter's drop-down; the empty first choice means "no filter". */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel = 'Any',
  errors,
}: {
  name: string
  label: string
  value: string | number | undefined
  options: Array<{ value: string | number; label: string }>
  anyLabel?: string | null
  errors?: string[]
}) {
  const errorId = errors?.length ? `filter-${name}-error` : undefined
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ''}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      >
        {anyLabel === null ? null : <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}
