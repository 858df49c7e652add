// React 18.3's streaming renderer pads a 2 KB chunk with zero bytes when a multi-byte
// character does not fit at its end; the page stream drops them (react-stream.server.ts).
import { PassThrough, type Transform } from 'node:stream'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { withoutZeroBytes } from '#app/utils/react-stream.server.ts'

/** Lists of short German claims, shifted a byte at a time across the 2 KB boundary. */
const pages = Array.from({ length: 12 }, (_, shift) => (
  <main>
    <p>{'x'.repeat(shift)}</p>
    <ul>
      {Array.from({ length: 120 }, (_, i) => (
        <li key={i}>„Stärkung der Militärbeziehungen“ – Nr. {i}</li>
      ))}
    </ul>
  </main>
))

function streamed(page: JSX.Element, through: () => Transform) {
  return new Promise<Buffer>((resolve, reject) => {
    const out = through()
    const pieces: Buffer[] = []
    out.on('data', (piece: Buffer) => pieces.push(piece))
    out.on('end', () => resolve(Buffer.concat(pieces)))
    const { pipe } = renderToPipeableStream(page, { onAllReady: () => pipe(out), onError: reject })
  })
}

describe('the page stream', () => {
  test('React alone puts NUL bytes in some of these pages', async () => {
    const raw = await Promise.all(pages.map((page) => streamed(page, () => new PassThrough())))
    expect(raw.some((bytes) => bytes.includes(0))).toBe(true)
  })

  test('through withoutZeroBytes every page is exactly what React meant to write', async () => {
    for (const page of pages) {
      const bytes = await streamed(page, withoutZeroBytes)
      expect(bytes.includes(0)).toBe(false)
      expect(bytes.toString('utf8')).toBe(renderToString(page))
    }
  })
})
