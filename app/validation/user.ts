import { z } from 'zod'
import { roles } from '#app/domain/vocabulary.ts'
import { requiredText } from './common.ts'

export const email = z
  .string({ error: 'E-mail is required.' })
  .trim()
  .toLowerCase()
  .max(254, 'E-mail can be at most 254 characters.')
  .pipe(z.email('Enter an e-mail address like name@example.org.'))

export const newPassword = z
  .string({ error: 'Password is required.' })
  .min(10, 'Use at least 10 characters for the password.')
  .max(200, 'A password can be at most 200 characters.')

export const LoginSchema = z.object({
  email,
  password: z.string({ error: 'Password is required.' }).max(200, 'A password can be at most 200 characters.'),
  redirectTo: z.string().max(2000).optional(),
})

export const UserCreateSchema = z.object({
  intent: z.literal('create'),
  email,
  name: requiredText('Name', 200),
  role: z.enum(roles, { error: 'Pick viewer, editor or admin.' }),
  password: newPassword,
})

export const UserRoleSchema = z.object({
  intent: z.literal('role'),
  userId: z.string().min(1).max(64),
  role: z.enum(roles, { error: 'Pick viewer, editor or admin.' }),
})

export const UserDisableSchema = z.object({
  intent: z.enum(['disable', 'enable', 'lift-pause']),
  userId: z.string().min(1).max(64),
})
