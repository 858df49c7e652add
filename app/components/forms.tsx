// Form fields with a visible label bound to the control and errors announced next to it.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { useId } from 'react'

export type ListOfErrors = Array<string | null | undefined> | null | undefined

export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const shown = errors?.filter(Boolean)
  if (!shown?.length) return null
  return (
    <ul id={id} className="field-errors">
      {shown.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  )
}

type FieldShell = { label: ReactNode; hint?: ReactNode; errors?: ListOfErrors; className?: string }

function useFieldIds(id: string | undefined) {
  const fallback = useId()
  const controlId = id ?? fallback
  return { controlId, errorId: `${controlId}-error`, hintId: `${controlId}-hint` }
}

function describedBy(hint: boolean, errorId: string | false, hintId: string) {
  return [hint ? hintId : null, errorId || null].filter(Boolean).join(' ') || undefined
}

export function Field({
  label,
  hint,
  errors,
  className,
  inputProps,
}: FieldShell & { inputProps: InputHTMLAttributes<HTMLInputElement> & { key?: string } }) {
  const { controlId, errorId, hintId } = useFieldIds(inputProps.id)
  const hasErrors = Boolean(errors?.some(Boolean))
  const { key, ...rest } = inputProps
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={controlId}>{label}</label>
      <input
        key={key}
        {...rest}
        id={controlId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(Boolean(hint), hasErrors && errorId, hintId)}
      />
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

export function TextareaField({
  label,
  hint,
  errors,
  className,
  textareaProps,
}: FieldShell & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { key?: string } }) {
  const { controlId, errorId, hintId } = useFieldIds(textareaProps.id)
  const hasErrors = Boolean(errors?.some(Boolean))
  const { key, ...rest } = textareaProps
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={controlId}>{label}</label>
      <textarea
        key={key}
        {...rest}
        id={controlId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(Boolean(hint), hasErrors && errorId, hintId)}
      />
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

export function SelectField({
  label,
  hint,
  errors,
  className,
  selectProps,
  options,
}: FieldShell & {
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { key?: string }
  options: Array<{ value: string; label: string }>
}) {
  const { controlId, errorId, hintId } = useFieldIds(selectProps.id)
  const hasErrors = Boolean(errors?.some(Boolean))
  const { key, ...rest } = selectProps
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={controlId}>{label}</label>
      <select
        key={key}
        {...rest}
        id={controlId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(Boolean(hint), hasErrors && errorId, hintId)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

export function CheckboxField({
  label,
  errors,
  inputProps,
}: {
  label: ReactNode
  errors?: ListOfErrors
  inputProps: InputHTMLAttributes<HTMLInputElement> & { key?: string }
}) {
  const { controlId, errorId } = useFieldIds(inputProps.id)
  const { key, type: _type, ...rest } = inputProps
  return (
    <div className="field">
      <label className="checkbox" htmlFor={controlId}>
        <input key={key} {...rest} type="checkbox" id={controlId} />
        {label}
      </label>
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}
