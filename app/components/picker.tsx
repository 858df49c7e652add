import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { Field } from './forms.tsx'

type Suggestion = { id: number; label: string; detail?: string | null }

/**
 * A text field with suggestions from a resource route. Without JavaScript it is a plain
 * text field and the server matches the typed name; with it, picking a suggestion also
 * fills the hidden id (when `idName` is given) so two same-named records cannot be
 * confused. Pickers whose labels carry the record's number need no hidden id.
 */
export function Picker({
  label,
  hint,
  name,
  idName,
  defaultValue,
  defaultId = '',
  errors,
  resource,
}: {
  label: string
  hint: string
  name: string
  idName?: string
  defaultValue: string
  defaultId?: string
  errors?: string[]
  resource: string
}) {
  const fetcher = useFetcher<{ suggestions: Suggestion[] }>()
  const [pickedId, setPickedId] = useState(defaultId)
  // Asks once typing pauses: one request per word rather than per key, so a slow answer to
  // the first letters never arrives after the answer to the whole word.
  const pending = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(pending.current), [])
  const listId = `${name}-suggestions`
  const suggestions = fetcher.data?.suggestions ?? []
  return (
    <>
      <Field
        label={label}
        hint={hint}
        errors={errors}
        inputProps={{
          id: name,
          name,
          type: 'text',
          defaultValue,
          list: listId,
          autoComplete: 'off',
          onChange: (event) => {
            const value = event.currentTarget.value
            const match = suggestions.find((s) => s.label === value)
            setPickedId(match ? String(match.id) : '')
            clearTimeout(pending.current)
            if (value.trim().length < 2) return
            // The resource may carry its own parameters (`/resources/speakers?except=4`).
            const url = new URL(resource, window.location.origin)
            url.searchParams.set('q', value)
            pending.current = setTimeout(() => fetcher.load(`${url.pathname}${url.search}`), 200)
          },
        }}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.id} value={s.label}>
            {s.detail ?? ''}
          </option>
        ))}
      </datalist>
      {idName ? <input type="hidden" name={idName} value={pickedId} /> : null}
    </>
  )
}
