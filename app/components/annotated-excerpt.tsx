// A source's excerpt with its annotated passages highlighted, and what an editor does
// with words selected in it: annotate them, or log a claim quoting them. Without
// JavaScript the editor pastes the passage into a form instead.
import { getFormProps, getTextareaProps } from '@conform-to/react'
import { Link, useFetcher } from '@remix-run/react'
import { Fragment, useCallback, useEffect, useRef, useState } from 'react'
import { segmentText } from '#app/domain/anchoring.ts'
import type { SectionReply } from '#app/utils/responses.server.ts'
import { claimLimits } from '#app/validation/claim.ts'
import { PassageNoteSchema } from '#app/validation/annotation.ts'
import { NoteKindAndText, useNoteForm } from './annotation-thread.tsx'
import { FoldedForm, FormActions, FormErrors, hasErrors, TextareaField, useDeskForm } from './forms.tsx'

export type PassageMark = { id: number; number: number; start: number; end: number; resolved: boolean }

/** A selection in the excerpt, and where it sits in the excerpt's card (top and bottom edge, left). */
type Selected = { start: number; end: number; exact: string; above: number; below: number; left: number }

/** Marks the passage being annotated; note ids start at 1. */
const pendingId = 0

/** Elements inside the excerpt that are not part of its text (the note numbers). */
const notText = '[data-not-excerpt]'

/**
 * Where a DOM boundary point falls in the excerpt's plain text: the length of the text
 * nodes before it. Highlights split the text into many nodes and note numbers add
 * nodes of their own; counting text nodes, and skipping the numbers, gives the offset
 * in the excerpt as stored.
 */
function textOffset(root: HTMLElement, node: Node, offset: number) {
  const boundary = document.createRange()
  boundary.setStart(node, offset)
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (candidate) =>
      candidate.parentElement?.closest(notText) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  })
  let total = 0
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    if (text === node) return total + offset
    if (boundary.comparePoint(text, 0) >= 0) return total
    total += text.length
  }
  return total
}

/** The current selection as offsets into `text`, clamped to the excerpt and trimmed of spaces; null if none. */
function selectedPassage(root: HTMLElement, text: string) {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const bounds = document.createRange()
  bounds.selectNodeContents(root)
  const position = (node: Node, offset: number) => {
    const where = bounds.comparePoint(node, offset)
    return where < 0 ? 0 : where > 0 ? text.length : textOffset(root, node, offset)
  }
  let start = position(range.startContainer, range.startOffset)
  let end = position(range.endContainer, range.endOffset)
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end <= start) return null
  return { start, end, exact: text.slice(start, end), rect: range.getBoundingClientRect() }
}

function claimHref(sourceId: number, quote: string) {
  return `/claims/new?${new URLSearchParams({ source: String(sourceId), quote })}`
}

/** The small form that opens next to a selection. */
function SelectionNoteForm({ selected, onDone }: { selected: Selected; onDone: () => void }) {
  // Not keyed: each selection starts a fresh form, without the last one's answer.
  const fetcher = useFetcher<SectionReply>()
  const lastResult = fetcher.data?.result
  const busy = fetcher.state !== 'idle'
  const [form, fields] = useDeskForm({
    id: 'passage-note-selection',
    schema: PassageNoteSchema,
    lastResult,
    defaultValue: { kind: 'note' },
  })
  const sent = useRef(false)
  useEffect(() => {
    if (busy) sent.current = true
    else if (sent.current && lastResult && !hasErrors(lastResult)) onDone()
  }, [busy, lastResult, onDone])
  return (
    <div
      className="passage-popover"
      role="dialog"
      aria-label="Note on the selected passage"
      style={{ top: selected.below + 6, left: selected.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone()
      }}
    >
      <fetcher.Form method="post" className="stack-form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="annotation-passage" />
        <input type="hidden" name="passage" value={selected.exact} />
        <input type="hidden" name="startOffset" value={selected.start} />
        <input type="hidden" name="endOffset" value={selected.end} />
        <blockquote className="note-passage">{selected.exact}</blockquote>
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.passage.errors ?? [])]} />
        <NoteKindAndText kind={fields.kind} body={fields.body} autoFocus />
        <FormActions submitLabel="Save note" busy={busy} onCancel={onDone} />
      </fetcher.Form>
    </div>
  )
}

/**
 * The excerpt, each annotated passage a highlight followed by its note's number (a link
 * to the note). Overlapping passages are cut into flat stretches, one <mark> each, so
 * a stretch covered by two notes is simply highlighted darker.
 */
export function AnnotatedExcerpt({
  sourceId,
  text,
  language,
  passages,
  canAnnotate,
}: {
  sourceId: number
  text: string
  language?: string
  passages: PassageMark[]
  canAnnotate: boolean
}) {
  const excerptRef = useRef<HTMLQuoteElement>(null)
  const [selected, setSelected] = useState<Selected | null>(null)
  const [annotating, setAnnotating] = useState(false)
  const byId = new Map(passages.map((p) => [p.id, p]))

  const readSelection = useCallback(() => {
    const root = excerptRef.current
    const card = root?.closest('.excerpt-card')
    if (!root || !card) return
    const passage = selectedPassage(root, text)
    if (!passage) {
      setSelected(null)
      return
    }
    const box = card.getBoundingClientRect()
    const { rect, ...span } = passage
    setSelected({
      ...span,
      above: rect.top - box.top,
      below: rect.bottom - box.top,
      left: Math.max(0, Math.min(rect.left - box.left, box.width - 320)),
    })
  }, [text])

  useEffect(() => {
    if (!canAnnotate || annotating) return
    // Mouse selections are read when the button comes up; keyboard ones (Shift+arrows
    // with caret browsing) as the selection settles.
    let timer: ReturnType<typeof setTimeout> | undefined
    const settle = () => {
      clearTimeout(timer)
      timer = setTimeout(readSelection, 250)
    }
    document.addEventListener('mouseup', readSelection)
    document.addEventListener('keyup', settle)
    document.addEventListener('selectionchange', settle)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('mouseup', readSelection)
      document.removeEventListener('keyup', settle)
      document.removeEventListener('selectionchange', settle)
    }
  }, [canAnnotate, annotating, readSelection])

  const finish = useCallback(() => {
    setAnnotating(false)
    setSelected(null)
    window.getSelection()?.removeAllRanges()
  }, [])

  // While its note is written, the selected passage stays marked (the selection itself is gone once the form has focus).
  const pending = annotating ? selected : null
  const tooLongForClaim = selected !== null && selected.exact.length > claimLimits.quote
  return (
    <>
      <blockquote ref={excerptRef} className="excerpt" lang={language}>
        {segmentText(text, [
          ...passages.map(({ id, start, end }) => ({ id, start, end })),
          ...(pending ? [{ id: pendingId, start: pending.start, end: pending.end }] : []),
        ]).map((segment) => {
          const marks = segment.ids.filter((id) => id !== pendingId).map((id) => byId.get(id)!)
          const isPending = segment.ids.includes(pendingId)
          return (
            <Fragment key={segment.start}>
              {marks.length === 0 && !isPending ? (
                segment.text
              ) : (
                <mark
                  className={[
                    'passage',
                    `depth-${Math.min(marks.length, 3)}`,
                    marks.length > 0 && marks.every((m) => m.resolved) ? 'resolved' : '',
                    isPending ? 'pending' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  title={marks.length > 0 ? `Note ${marks.map((m) => m.number).join(', ')}` : undefined}
                >
                  {segment.text}
                </mark>
              )}
              {segment.endingIds
                .filter((id) => id !== pendingId)
                .map((id) => {
                  const { number } = byId.get(id)!
                  return (
                    <sup key={id} className="passage-ref" data-not-excerpt="">
                      <a href={`#note-${id}`} id={`passage-${id}`} aria-label={`Note ${number}`}>
                        {number}
                      </a>
                    </sup>
                  )
                })}
            </Fragment>
          )
        })}
      </blockquote>
      {selected && !annotating ? (
        <div
          className="passage-toolbar"
          role="toolbar"
          aria-label="Selected passage"
          // Above the selection, so the words after it stay readable.
          style={{ top: Math.max(0, selected.above - 52), left: selected.left }}
          // Keeps the selection alive while a button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onKeyDown={(event) => {
            if (event.key === 'Escape') finish()
          }}
        >
          <button type="button" className="primary" onClick={() => setAnnotating(true)}>
            Annotate passage
          </button>
          {tooLongForClaim ? (
            <span className="small muted">Too long for a claim’s quote (at most {claimLimits.quote} characters)</span>
          ) : (
            <Link className="button" to={claimHref(sourceId, selected.exact)}>
              Create claim from passage
            </Link>
          )}
        </div>
      ) : null}
      {selected && annotating ? <SelectionNoteForm selected={selected} onDone={finish} /> : null}
    </>
  )
}

/** Annotating without a selection: the editor pastes the passage and the server finds it in the excerpt. */
export function PastedPassageForm() {
  const { fetcher, lastResult, busy } = useNoteForm('annotation-passage')
  const [form, fields] = useDeskForm({
    id: 'passage-note-paste',
    schema: PassageNoteSchema,
    lastResult,
    defaultValue: { kind: 'note' },
  })
  return (
    <FoldedForm
      summary="Annotate a passage by pasting it"
      className="card note-form"
      fetcher={fetcher}
      form={form}
      lastResult={lastResult}
      hidden={{ intent: 'annotation-passage' }}
    >
      <TextareaField
        label="Passage, copied from the excerpt"
        hint="Word for word; the note is attached to the first place these words appear."
        textareaProps={{ ...getTextareaProps(fields.passage), rows: 2 }}
        errors={fields.passage.errors}
      />
      <NoteKindAndText kind={fields.kind} body={fields.body} />
      <FormActions submitLabel="Add note" busy={busy} />
    </FoldedForm>
  )
}
