import { Transform } from 'node:stream'

/**
 * React 18.3's Node renderer copies its whole 2 KB buffer to the page when a multi-byte
 * character (ä, „, –) does not fit at the buffer's end, unused zero bytes included
 * (`writeStringChunk` in react-dom-server.node; React 19 sends only what it wrote). The
 * character itself follows in the next buffer, so a page gains stray NUL bytes: browsers
 * drop them from text but turn them into U+FFFD inside a <textarea>, and saving that
 * form would write the replacement character into a claim. A zero byte is never part of
 * another UTF-8 character, so dropping every one gives back the page React meant.
 */
export function withoutZeroBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk)
    },
  })
}
