import vine from '@vinejs/vine'

export const myDeadlineListValidator = vine.compile(
  vine.object({
    status: vine.enum(['upcoming', 'overdue'] as const).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  })
)
