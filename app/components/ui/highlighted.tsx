import { Fragment } from 'react'
import { highlightMarks } from '#app/domain/search-query.ts'

/**
 * A search snippet with the matched words marked. The snippet is text with control
 * characters around the matches, never HTML, so nothing stored can become markup.
 */
export function Highlighted({ snippet }: { snippet: string }) {
  const parts = snippet.split(new RegExp(`[${highlightMarks.start}${highlightMarks.end}]`))
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? <mark key={index}>{part}</mark> : <Fragment key={index}>{part}</Fragment>,
      )}
    </>
  )
}
