/* Query of the record pickers (客户 / 借据 in other plugins' forms). */
import vine from '@vinejs/vine'

export const pickerValidator = vine.compile(
  vine.object({
    keyword: vine.string().trim().maxLength(100).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 50]).optional(),
    /** Comma-separated ids of the form's current value, to label them. */
    ids: vine
      .string()
      .regex(/^[1-9]\d{0,15}(,[1-9]\d{0,15}){0,49}$/)
      .optional(),
    /** The loans of one customer (the loan multi-select). */
    customerId: vine.number().withoutDecimals().min(1).optional(),
    /** Risk assets: managed (default) or exited ones; `all` for both. */
    status: vine.enum(['managed', 'exited', 'all']).optional(),
    /** Risk assets: the option's value is the risk asset's id (default) or its loan's id. */
    value: vine.enum(['id', 'loan']).optional(),
  })
)
