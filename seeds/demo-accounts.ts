// The demo desk's accounts. Plain data, so browser tests and scripts can read it
// without opening a database.
import type { DemoUserKey } from './demo-data.ts'

export const demoPassword = 'claimdesk-demo'

export const demoUsers: Record<DemoUserKey, { email: string; name: string; role: 'admin' | 'editor' | 'viewer' }> = {
  admin: { email: 'admin@claimdesk.example', name: 'Petra Hoffmann', role: 'admin' },
  editor: { email: 'editor@claimdesk.example', name: 'Jonas Weber', role: 'editor' },
  editor2: { email: 'editor2@claimdesk.example', name: 'Mira Schulz', role: 'editor' },
  viewer: { email: 'viewer@claimdesk.example', name: 'Lena Fischer', role: 'viewer' },
}
