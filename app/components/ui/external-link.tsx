import type { ReactNode } from 'react'

/** A link that leaves the desk: new tab, and the outside page learns nothing about us. */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} rel="noreferrer noopener" target="_blank">
      {children ?? href}
    </a>
  )
}
