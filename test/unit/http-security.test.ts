// The body rules the Express server applies before the app reads a form (decision 019):
// every form must declare its length, and no form may be larger than the desk takes,
// since the app reads a whole form into memory, also at the sign-in page, before anyone
// is known.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { refuseUnreadableBodies } from '../../server/http-security.ts'

const maxFormBytes = 64 * 1024
const maxUploadBytes = 128 * 1024
let baseUrl = ''
let close: () => void = () => {}

beforeAll(async () => {
  const app = express()
  app.use(refuseUnreadableBodies({ maxFormBytes, maxUploadBytes }))
  app.post('*', (req, res) => {
    let bytes = 0
    req.on('data', (chunk: Buffer) => (bytes += chunk.length))
    req.on('end', () => res.send(`read ${bytes}`))
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

/** fetch sets the Content-Type (with the multipart boundary) and the length from the body. */
const post = (body: BodyInit, init: RequestInit = {}) => fetch(`${baseUrl}/login`, { method: 'POST', body, ...init })

function multipart(fileBytes: number) {
  const form = new FormData()
  form.set('email', 'someone@example.org')
  form.set('file', new Blob(['x'.repeat(fileBytes)]), 'claims.csv')
  return form
}

/** A body sent in chunks, with no Content-Length, as a script (not a browser form) can. */
function chunked(bytes: number) {
  const chunk = new TextEncoder().encode('text=' + 'x'.repeat(1019))
  let sent = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      controller.enqueue(chunk)
      sent += chunk.length
    },
  })
}

describe('form bodies', () => {
  test('forms within the limits reach the app', async () => {
    const plain = await post(new URLSearchParams({ text: 'x'.repeat(maxFormBytes - 100) }))
    expect(plain.status).toBe(200)
    const upload = await post(multipart(maxUploadBytes))
    expect(upload.status).toBe(200)
  })

  test('a plain form over the limit is refused with 413', async () => {
    const response = await post(new URLSearchParams({ text: 'x'.repeat(maxFormBytes) }))
    expect(response.status).toBe(413)
    expect(await response.text()).toMatch(/takes forms up to 64 KB\. Nothing was changed\.$/)
  })

  test('a multipart form is limited too: to an import file plus the fields of a form', async () => {
    const response = await post(multipart(maxUploadBytes + maxFormBytes))
    expect(response.status).toBe(413)
  })

  test('a form without a declared length is refused before anything reads it', async () => {
    const response = await post(chunked(4 * maxFormBytes), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(411)
    expect(await response.text()).toMatch(/Content-Length.*Nothing was changed\.$/)
  })
})
