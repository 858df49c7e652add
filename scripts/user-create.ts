// npm run user:create -- --email ed@example.org --role editor [--name "Ed Itor"]
// Reads the password from standard input when it is not a terminal (for scripts),
// otherwise prompts for it without echo. Honours DATABASE_URL; safe while the app runs.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { getConnection } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { createUser } from '#app/domain/users.server.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { roles } from '#app/domain/vocabulary.ts'
import { email, newPassword } from '#app/validation/user.ts'

const ArgsSchema = z.object({
  email,
  role: z.enum(roles, { error: `--role must be one of ${roles.join(', ')}.` }),
  name: z.string().trim().min(1).max(200).optional(),
})

const usage =
  'Usage: npm run user:create -- --email ed@example.org --role editor [--name "Ed Itor"]  (password on stdin)'

function fail(issues: z.core.$ZodIssue[]): never {
  for (const issue of issues) console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`)
  console.error(usage)
  process.exit(2)
}

async function readPipedPassword() {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

function promptPassword(question: string) {
  return new Promise<string>((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    // Overwrite what readline would echo, so the password never shows on screen.
    const muted = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream }
    muted._writeToOutput = (s: string) => {
      if (s.startsWith(question)) muted.output.write(question)
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
  })
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    allowPositionals: false,
  })
  // Arguments first, so nobody types a password only to learn the e-mail was mistyped.
  const args = ArgsSchema.safeParse(values)
  if (!args.success) fail(args.error.issues)
  const entered = process.stdin.isTTY
    ? await promptPassword('Password (at least 10 characters): ')
    : await readPipedPassword()
  const password = newPassword.safeParse(entered)
  if (!password.success) fail(password.error.issues.map((issue) => ({ ...issue, path: ['password'] })))
  const { db, file } = getConnection()
  migrateDatabase(db)
  const input = { ...args.data, password: password.data }
  try {
    await createUser({ ...input, name: input.name ?? input.email.split('@')[0]! })
  } catch (error) {
    if (error instanceof FieldError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  console.log(`Created ${input.role} ${input.email} in ${file}.`)
}

await main()
