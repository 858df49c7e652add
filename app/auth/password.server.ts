import { hash, verify } from '@node-rs/argon2'

// argon2id with the library's defaults (19 MiB, 2 iterations): OWASP's minimum.
export function hashPassword(password: string) {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// A real hash to verify against when the e-mail is unknown, so that a wrong e-mail
// takes as long as a wrong password and the timing tells nothing.
let decoyHash: Promise<string> | undefined
export function decoyPasswordHash() {
  decoyHash ??= hash('decoy password that never matches')
  return decoyHash
}
