import vine from '@vinejs/vine'

export const myMessageListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
    /** true: only unread messages. */
    unread: vine.boolean().optional(),
    type: vine
      .string()
      .trim()
      .maxLength(64)
      .regex(/^[a-z0-9.:_-]+$/)
      .optional(),
  })
)

/** The full set of muted optional channels, per message type (replaces the previous set). */
export const messagePreferencesValidator = vine.compile(
  vine.object({
    muted: vine
      .array(
        vine.object({
          type: vine.string().trim().maxLength(64),
          channels: vine.array(vine.enum(['email', 'sms'] as const)).maxLength(2),
        })
      )
      .maxLength(200),
  })
)
