import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportDownload } from '#app/domain/export/download.server.ts'

export const loader = ({ request }: LoaderFunctionArgs) => exportDownload(request, 'json')
