import { z } from 'zod'
import { reviewMoves } from '#app/domain/vocabulary.ts'
import { optionalText, version } from './common.ts'

export const ReviewSchema = z
  .object({
    intent: z.literal('review'),
    move: z.enum(reviewMoves, { error: 'Pick one of the offered steps.' }),
    version,
    reason: optionalText('The reason', 2000),
    override: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    // Whoever stops a check says why, so the editor who did it knows what to fix.
    if ((value.move === 'send_back' || value.move === 'reject') && !value.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: value.move === 'reject' ? 'Say why the claim is rejected.' : 'Say what the check still needs.',
      })
    }
  })
export type ReviewInput = z.infer<typeof ReviewSchema>

export const AssignSchema = z.object({
  intent: z.literal('assign'),
  assigneeId: z.uuid({ error: 'Pick one of the listed editors.' }).optional(),
  expectedAssigneeId: z.uuid().optional(),
})
