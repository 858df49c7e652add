// Form fields with a visible label bound to the control and errors announced next to it,
// and the conform setup every desk form shares.
import { getFormProps, useForm, type FormMetadata, type SubmissionResult } from '@conform-to/react'
import { useActionData, useFetcher, type FetcherWithComponents } from '@remix-run/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { useEffect, useId, useState } from 'react'
import type { z } from 'zod'

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

/** A form's own errors (not a field's), announced when they appear. */
export function FormErrors({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  return (
    <div role="alert">
      <ErrorList id={id} errors={errors} />
    </div>
  )
}

/** What every record form (claim, speaker, source) takes from its route. */
export type RecordFormProps<Defaults = Record<string, string>> = {
  mode: 'create' | 'edit'
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Defaults
  version?: number
  cancelHref: string
}

/**
 * One schema on both sides: the browser validates as the user leaves a field, the server
 * validates again and its reply (errors, what was typed) comes back through lastResult.
 */
export function useDeskForm<Schema extends z.ZodType<Record<string, unknown>>>({
  id,
  schema,
  lastResult,
  defaultValue,
}: {
  id: string
  schema: Schema
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Record<string, unknown>
}) {
  return useForm<z.output<Schema>>({
    id,
    lastResult,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    // Form defaults are the strings the inputs show, not the parsed values.
    defaultValue: defaultValue as never,
  })
}

/** What the server's `sectionDone` / `sectionInvalid` / `sectionRefused` send back. */
type SectionReply = { form: string; result: SubmissionResult<string[]> }

/**
 * One of several forms on a page: it posts through its own fetcher, so the page neither
 * scrolls nor loses other forms' input; without JavaScript the page's action answers and
 * the reply addressed to this form (by `formKey`) is picked out of the action data.
 */
export function useSectionFetcher(formKey: string) {
  const fetcher = useFetcher<SectionReply>({ key: formKey })
  const actionData = useActionData<SectionReply | Record<string, unknown> | undefined>()
  const fromPage = actionData && actionData.form === formKey ? (actionData as SectionReply) : undefined
  const reply = fetcher.data ?? fromPage
  return { fetcher, lastResult: reply?.result, busy: fetcher.state !== 'idle' }
}

export function hasErrors(result: SubmissionResult<string[]> | undefined) {
  return Object.values(result?.error ?? {}).some((messages) => messages && messages.length > 0)
}

/**
 * A <details> that holds a form: it works without JavaScript, opens by itself when the
 * server sent errors back, and closes once its form was saved.
 */
export function useDisclosure(lastResult: SubmissionResult<string[]> | undefined) {
  const [open, setOpen] = useState(() => hasErrors(lastResult))
  useEffect(() => {
    if (lastResult) setOpen(hasErrors(lastResult))
  }, [lastResult])
  return { open, onToggle: (event: { currentTarget: HTMLDetailsElement }) => setOpen(event.currentTarget.open) }
}

/**
 * A section form folded into a <details> (see `useDisclosure`), posting its hidden fields,
 * `intent` among them, through its fetcher. `errors` are those of hidden fields (a stale
 * version), shown with the form's own.
 */
export function FoldedForm<Schema extends Record<string, unknown>>({
  summary,
  className = 'section-form',
  fetcher,
  form,
  lastResult,
  hidden,
  errors,
  children,
}: {
  summary: ReactNode
  className?: string
  fetcher: Pick<FetcherWithComponents<unknown>, 'Form'>
  form: FormMetadata<Schema, string[]>
  lastResult: SubmissionResult<string[]> | undefined
  hidden: Record<string, string | number>
  errors?: ListOfErrors
  children: ReactNode
}) {
  const disclosure = useDisclosure(lastResult)
  return (
    <details className={className} {...disclosure}>
      <summary>{summary}</summary>
      <fetcher.Form method="post" className="stack-form" {...getFormProps(form)}>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(errors ?? [])]} />
        {children}
      </fetcher.Form>
    </details>
  )
}

/**
 * A one-button form among several (remove this evidence, resolve that note): it posts its
 * intent and hidden fields, and shows the server's refusal right beside the button.
 */
export function SectionButton({
  formKey,
  intent,
  fields,
  label,
  ariaLabel,
  className,
  formClassName = 'inline-form',
}: {
  formKey: string
  intent: string
  fields: Record<string, string | number>
  label: string
  ariaLabel?: string
  className?: string
  formClassName?: string
}) {
  const { fetcher, lastResult, busy } = useSectionFetcher(formKey)
  return (
    <fetcher.Form method="post" className={formClassName}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className={className} disabled={busy} aria-label={ariaLabel}>
        {label}
      </button>
      <FormErrors errors={lastResult?.error?.['']} />
    </fetcher.Form>
  )
}

type ShellProps = { label: ReactNode; hint?: ReactNode; errors?: ListOfErrors; className?: string }
export type ControlA11y = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }

/** Label, control, hint and errors, wired together by id for screen readers. */
export function FieldShell({
  label,
  hint,
  errors,
  className,
  controlId,
  children,
}: ShellProps & { controlId: string | undefined; children: (a11y: ControlA11y) => ReactNode }) {
  const fallbackId = useId()
  const id = controlId ?? fallbackId
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const invalid = Boolean(errors?.some(Boolean))
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

export function Field({
  inputProps: { key, ...inputProps },
  ...shell
}: ShellProps & { inputProps: InputHTMLAttributes<HTMLInputElement> & { key?: string } }) {
  return (
    <FieldShell {...shell} controlId={inputProps.id}>
      {(a11y) => <input key={key} {...inputProps} {...a11y} />}
    </FieldShell>
  )
}

export function TextareaField({
  textareaProps: { key, ...textareaProps },
  ...shell
}: ShellProps & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { key?: string } }) {
  return (
    <FieldShell {...shell} controlId={textareaProps.id}>
      {(a11y) => <textarea key={key} {...textareaProps} {...a11y} />}
    </FieldShell>
  )
}

export function SelectField({
  selectProps: { key, ...selectProps },
  options,
  ...shell
}: ShellProps & {
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { key?: string }
  options: Array<{ value: string; label: string }>
}) {
  return (
    <FieldShell {...shell} controlId={selectProps.id}>
      {(a11y) => (
        <select key={key} {...selectProps} {...a11y}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

export function CheckboxField({
  label,
  errors,
  inputProps: { key, type: _type, ...inputProps },
}: {
  label: ReactNode
  errors?: ListOfErrors
  inputProps: InputHTMLAttributes<HTMLInputElement> & { key?: string }
}) {
  const fallbackId = useId()
  const id = inputProps.id ?? fallbackId
  const invalid = Boolean(errors?.some(Boolean))
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          key={key}
          {...inputProps}
          type="checkbox"
          id={id}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
        />
        {label}
      </label>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}

/** The primary button and a way out, at the foot of every form. */
export function FormActions({
  submitLabel,
  cancelHref,
  onCancel,
  busy,
}: {
  submitLabel: string
  cancelHref?: string
  onCancel?: () => void
  busy?: boolean
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      {cancelHref ? (
        <a className="button" href={cancelHref}>
          Cancel
        </a>
      ) : null}
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  )
}
