// What a browser without JavaScript sends when a form on a server-rendered page is
// submitted: the load test reads the edit and review forms from the HTML the desk served,
// changes what a person would change, and posts the rest back as it came. Only as much of
// HTML as React's server rendering writes: double-quoted attributes, escaped text.

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return String.fromCodePoint(code)
    }
    return entities[name.toLowerCase()] ?? whole
  })
}

function attributesOf(tag: string) {
  const attributes = new Map<string, string>()
  for (const [, name, value] of tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)) {
    attributes.set(name!.toLowerCase(), decodeEntities(value ?? ''))
  }
  return attributes
}

export type HtmlForm = {
  action: string
  /** The successful controls, in document order, as the browser would send them (no submitter). */
  fields: Array<[string, string]>
  /** The submit buttons' name and value pairs, for picking the one a person presses. */
  submitters: Array<{ name: string; value: string; disabled: boolean }>
}

/** The form with `id` on the page, or null when the page has none. */
export function readForm(html: string, id: string): HtmlForm | null {
  const start = html.search(new RegExp(`<form\\b[^>]*\\sid="${id}"`))
  if (start === -1) return null
  const end = html.indexOf('</form>', start)
  const body = html.slice(start, end === -1 ? undefined : end)
  const formTag = /^<form\b[^>]*>/.exec(body)![0]
  const fields: Array<[string, string]> = []
  const submitters: HtmlForm['submitters'] = []
  const control =
    /<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>|<button\b[^>]*>/g
  for (const match of body.matchAll(control)) {
    const tag = match[0]
    const attributes = attributesOf(/^<[^>]*>/.exec(tag)![0])
    const name = attributes.get('name')
    if (!name) continue
    const disabled = attributes.has('disabled')
    if (tag.startsWith('<button')) {
      if ((attributes.get('type') ?? 'submit') === 'submit') {
        submitters.push({ name, value: attributes.get('value') ?? '', disabled })
      }
      continue
    }
    if (disabled) continue
    if (tag.startsWith('<textarea')) {
      // An HTML parser drops one newline right after <textarea>; React writes one when the text starts with it.
      fields.push([name, decodeEntities(match[2]!.replace(/^\r?\n/, ''))])
    } else if (tag.startsWith('<select')) {
      const options = [...match[4]!.matchAll(/<option\b[^>]*>/g)].map((option) => attributesOf(option[0]))
      const chosen = options.find((option) => option.has('selected')) ?? options[0]
      if (chosen) fields.push([name, chosen.get('value') ?? ''])
    } else {
      const type = attributes.get('type') ?? 'text'
      if (['submit', 'button', 'reset', 'image', 'file'].includes(type)) continue
      if ((type === 'checkbox' || type === 'radio') && !attributes.has('checked')) continue
      fields.push([name, attributes.get('value') ?? (type === 'checkbox' ? 'on' : '')])
    }
  }
  return { action: attributesOf(formTag).get('action') ?? '', fields, submitters }
}

/** The form's fields with some replaced (or added), as an urlencoded body. */
export function formBody(fields: Array<[string, string]>, changes: Record<string, string> = {}) {
  const body = new URLSearchParams()
  for (const [name, value] of fields) body.append(name, name in changes ? changes[name]! : value)
  for (const [name, value] of Object.entries(changes)) if (!body.has(name)) body.append(name, value)
  return body.toString()
}
