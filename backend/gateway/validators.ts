import vine from '@vinejs/vine'
import { OUTCOMES } from './call_log.js'

const interfaceCode = vine.string().regex(/^[a-z][a-z0-9-]{1,39}\.[a-z][a-z0-9-]{1,63}$/)

const clientFields = {
  name: vine.string().trim().minLength(1).maxLength(100),
  rateLimitPerMinute: vine.number().withoutDecimals().range([1, 100_000]),
  enabled: vine.boolean().optional(),
  remark: vine.string().trim().maxLength(255).nullable().optional(),
  grants: vine.array(interfaceCode.clone()).maxLength(200).optional(),
}

export const createClientValidator = vine.compile(
  vine.object({
    code: vine
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,63}$/),
    ...clientFields,
  })
)

export const updateClientValidator = vine.compile(
  vine.object({
    name: clientFields.name.clone().optional(),
    rateLimitPerMinute: clientFields.rateLimitPerMinute.clone().optional(),
    enabled: vine.boolean().optional(),
    remark: clientFields.remark.clone(),
    grants: clientFields.grants.clone(),
  })
)

export const switchValidator = vine.compile(vine.object({ enabled: vine.boolean() }))

const datetime = vine.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/)

export const callsValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().range([1, 100_000]).optional(),
    perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
    client: vine.string().trim().maxLength(64).optional(),
    interface: vine.string().trim().maxLength(120).optional(),
    outcome: vine.enum(OUTCOMES).optional(),
    from: datetime.clone().optional(),
    to: datetime.clone().optional(),
  })
)
