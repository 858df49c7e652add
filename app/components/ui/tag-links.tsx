import { Link } from '@remix-run/react'

/** A claim's tags, each a link to the claims list filtered by it. */
export function TagLinks({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  return (
    <div>
      {tags.map((t) => (
        <Link key={t} className="tag" to={`/claims?tag=${encodeURIComponent(t)}`}>
          {t}
        </Link>
      ))}
    </div>
  )
}
