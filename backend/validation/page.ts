import vine from '@vinejs/vine'

/** Paging and keyword search shared by every list endpoint. */
export const pageValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    sort: vine.string().trim().maxLength(64).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)
