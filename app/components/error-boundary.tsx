import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const titles: Record<number, string> = {
  400: 'That request could not be understood',
  403: 'You may not do that',
  404: 'Not found',
  409: 'Someone else changed this first',
}

/** The page shown for thrown responses (403, 404 …) and unexpected errors. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === 'object' && error.data && 'message' in error.data
        ? String((error.data as { message: unknown }).message)
        : typeof error.data === 'string'
          ? error.data
          : null
    return (
      <div className="error-page" role="alert">
        <div className="code">{error.status}</div>
        <h1>{titles[error.status] ?? 'Something went wrong'}</h1>
        {message ? <p>{message}</p> : null}
        <p>
          <Link to="/">Back to the desk</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="error-page" role="alert">
      <div className="code">500</div>
      <h1>Something went wrong on our side</h1>
      <p>Nothing you entered was saved by the failed request. Try again, or tell the desk admin.</p>
      <p>
        <Link to="/">Back to the desk</Link>
      </p>
    </div>
  )
}
