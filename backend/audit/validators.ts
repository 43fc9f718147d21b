import vine from '@vinejs/vine'
import { calendarDateTime } from '#core/validation/dates'

/* from/to: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm[:ss]', local (Asia/Shanghai) wall time as stored. */

/* Search filters shared by the log lists and their exports, so an export holds exactly what the list showed. */
const filters = {
  /** User name (登录名) contains. */
  username: vine.string().trim().maxLength(64).optional(),
  from: vine.string().trim().use(calendarDateTime()).optional(),
  to: vine.string().trim().use(calendarDateTime()).optional(),
  /** Exact action, or a prefix ending in `*` (`user.*`). */
  action: vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[\w.:-]+\*?$/)
    .optional(),
  result: vine.enum(['success', 'failure']).optional(),
  entityType: vine.string().trim().maxLength(64).optional(),
  entityId: vine.string().trim().maxLength(64).optional(),
  sort: vine.enum(['id', 'occurredAt', 'username', 'action', 'result', 'ip']).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
}

export const auditListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    ...filters,
  })
)

export const auditExportValidator = vine.compile(vine.object(filters))

export const exportDownloadValidator = vine.compile(
  vine.object({
    token: vine
      .string()
      .trim()
      .fixedLength(64)
      .regex(/^[0-9a-f]+$/),
  })
)
