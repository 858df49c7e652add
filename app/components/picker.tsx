import { useFetcher, type FetcherWithComponents } from '@remix-run/react'
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
  hint?: string
  name: string
  idName?: string
  defaultValue: string
  defaultId?: string
  errors?: string[]
  resource: string
}) {
  const fetcher = useFetcher<{ suggestions: Suggestion[] }>()
  const loadWhenTypingPauses = useLoadWhenTypingPauses(fetcher)
  const [pickedId, setPickedId] = useState(defaultId)
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
            if (value.trim().length < 2) return loadWhenTypingPauses(null)
            // The resource may carry its own parameters (`/resources/speakers?except=4`).
            const url = new URL(resource, window.location.origin)
            url.searchParams.set('q', value)
            loadWhenTypingPauses(`${url.pathname}${url.search}`)
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

/**
 * Loads a type-ahead's answers once typing pauses: one request per word rather than per
 * key, so a slow answer to the first letters never arrives after the answer to the whole
 * word. `null` cancels what was about to be asked.
 */
export function useLoadWhenTypingPauses(fetcher: Pick<FetcherWithComponents<unknown>, 'load'>, delayMs = 200) {
  const pending = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(pending.current), [])
  return (href: string | null) => {
    clearTimeout(pending.current)
    if (href) pending.current = setTimeout(() => fetcher.load(href), delayMs)
  }
}
