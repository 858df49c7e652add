// The import page's upload form. Without JavaScript it is a plain multipart form posting
// to /import. With JavaScript the file goes up by XMLHttpRequest, whose upload events give
// a real progress bar, and the page then asks the server what it is doing with the file
// (reading, checking so many rows) until the preview is ready, and opens it.
import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigate, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { formatBytes, formatCount } from '#app/utils/format.ts'
import { ImportUploadSchema } from '#app/validation/import.ts'
import { Field, FormErrors, useDeskForm } from './forms.tsx'

type ServerProgress = { phase: 'reading' | 'checking' | 'saving'; rows: number; checked: number } | null

/** What the server is doing, in the words the page shows while the editor waits. */
export function serverProgressText(progress: ServerProgress) {
  if (!progress || (progress.phase === 'reading' && progress.rows === 0)) return 'Reading the file…'
  if (progress.phase === 'reading') return `Reading the file… ${formatCount(progress.rows)} rows so far`
  if (progress.phase === 'checking') return `Checking ${formatCount(progress.rows)} rows…`
  return `Saving the preview of ${formatCount(progress.rows)} rows…`
}

type Upload = { name: string; sent: number; total: number; done: boolean; server: ServerProgress }

/** 16 random bytes as hex: names this upload when asking for its progress. */
function newToken() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
}

export function ImportUploadForm({
  lastResult,
  maxBytes,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined
  maxBytes: number
}) {
  const [form, fields] = useDeskForm({ id: 'import-upload', schema: ImportUploadSchema, lastResult })
  const navigate = useNavigate()
  const navigation = useNavigation()
  const [upload, setUpload] = useState<Upload | null>(null)
  const [refusals, setRefusals] = useState<string[]>([])
  const polling = useRef<ReturnType<typeof setInterval>>()
  useEffect(() => () => clearInterval(polling.current), [])

  function follow(token: string) {
    clearInterval(polling.current)
    const ask = async () => {
      try {
        const response = await fetch(`/resources/import-upload?token=${token}`)
        const { progress } = (await response.json()) as { progress: ServerProgress }
        if (progress) setUpload((u) => (u ? { ...u, server: progress } : u))
      } catch {
        // The next question or the upload's own answer will tell.
      }
    }
    void ask()
    polling.current = setInterval(ask, 300)
  }

  function send(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement | null
    const file = input?.files?.[0]
    // No file: the form's own check says so. Otherwise the file goes up with progress.
    if (!file || file.size === 0) return
    event.preventDefault()
    setRefusals([])
    if (file.size > maxBytes) {
      setRefusals([
        `The file is larger than ${formatBytes(maxBytes)}, the most one import takes. Split it into smaller files and import them one after another.`,
      ])
      return
    }
    const token = newToken()
    const body = new FormData()
    // The token first: the server reads it before the file.
    body.append('progressToken', token)
    body.append('file', file)
    const request = new XMLHttpRequest()
    request.open('POST', '/resources/import-upload')
    setUpload({ name: file.name, sent: 0, total: file.size, done: false, server: null })
    request.upload.onprogress = (e) => setUpload((u) => (u ? { ...u, sent: e.loaded, total: e.total || u.total } : u))
    request.upload.onload = () => {
      setUpload((u) => (u ? { ...u, sent: u.total, done: true } : u))
      follow(token)
    }
    request.onload = () => {
      clearInterval(polling.current)
      let answer: { redirectTo?: string; error?: Record<string, string[] | null> } = {}
      try {
        answer = JSON.parse(request.responseText)
      } catch {
        answer = { error: { '': ['The server could not take the file. Try again, or tell the desk admin.'] } }
      }
      if (answer.redirectTo) {
        navigate(answer.redirectTo)
        return
      }
      setUpload(null)
      setRefusals(Object.values(answer.error ?? {}).flatMap((messages) => messages ?? []))
    }
    request.onerror = () => {
      clearInterval(polling.current)
      setUpload(null)
      setRefusals(['The upload was interrupted. Check the connection and try again.'])
    }
    request.send(body)
  }

  const busy = upload !== null || navigation.state === 'submitting'
  const percent = upload ? Math.round((upload.sent / Math.max(upload.total, 1)) * 100) : 0
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="stack-form"
      {...getFormProps(form)}
      onSubmit={(event) => {
        form.onSubmit(event)
        if (!event.defaultPrevented) send(event)
      }}
    >
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label="File"
        hint={`CSV, XLSX or a JSON export of a Claim desk; at most ${formatBytes(maxBytes)}.`}
        inputProps={{
          ...getInputProps(fields.file, { type: 'file' }),
          accept: '.csv,.tsv,.txt,.xlsx,.json,text/csv,application/json',
        }}
        errors={[...(fields.file.errors ?? []), ...refusals]}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Check the file
        </button>
        <span className="small muted">Nothing is added to the desk until you have seen the preview.</span>
      </div>
      {upload ? (
        <div className="upload-progress" role="status" aria-live="polite">
          {upload.done ? (
            <progress aria-label="Checking the file" />
          ) : (
            <progress max={100} value={percent} aria-label="Upload" />
          )}
          <p>
            {upload.done
              ? serverProgressText(upload.server)
              : `Uploading ${upload.name}: ${formatBytes(upload.sent)} of ${formatBytes(upload.total)} (${percent} %)`}
          </p>
        </div>
      ) : navigation.state === 'submitting' ? (
        <div className="upload-progress" role="status">
          <progress aria-label="Checking the file" />
          <p>Uploading and checking the file…</p>
        </div>
      ) : null}
    </Form>
  )
}
