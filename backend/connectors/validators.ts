/*
| Input of 服务管理 and 外发消息. Codes are kebab-case like the registry's; time
| bounds are 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm[:ss]' text (local time).
*/
import vine from '@vinejs/vine'
import { calendarDateTime } from '#core/validation/dates'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  enabled: '启用状态',
  baseUrl: '服务地址',
  system: '外部系统',
  interface: '接口',
  status: '状态',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  enabled: 'enabled',
  baseUrl: 'base URL',
  system: 'external system',
  interface: 'interface',
  status: 'status',
})

const code = () =>
  vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[a-z][a-z0-9-]*$/)
const timeBound = () => vine.string().trim().use(calendarDateTime())

const paging = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
}

export const systemUpdateValidator = vine.compile(
  vine.object({
    enabled: vine.boolean().optional(),
    // http(s) only: the connector must not be pointed at file: or other schemes.
    baseUrl: vine
      .string()
      .trim()
      .maxLength(500)
      .url({ require_protocol: true, protocols: ['http', 'https'], require_tld: false })
      .nullable()
      .optional(),
  })
)

export const interfaceUpdateValidator = vine.compile(vine.object({ enabled: vine.boolean() }))

export const callListValidator = vine.compile(
  vine.object({
    ...paging,
    system: code().optional(),
    interface: code().optional(),
    status: vine.enum(['success', 'failure']).optional(),
    correlationId: vine.string().trim().maxLength(64).optional(),
    from: timeBound().optional(),
    to: timeBound().optional(),
    sort: vine.enum(['id', 'startedAt', 'durationMs']).optional(),
  })
)

export const outboxListValidator = vine.compile(
  vine.object({
    ...paging,
    system: code().optional(),
    status: vine.enum(['pending', 'sent', 'dead']).optional(),
    keyword: vine.string().trim().maxLength(128).optional(),
    sort: vine.enum(['id', 'createdAt', 'nextAttemptAt', 'attempts']).optional(),
  })
)
