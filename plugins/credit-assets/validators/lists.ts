/* Query validators of the credit-asset lists (风险资产, 分类下限预警) and the reclassification action. */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { FIVE_CLASSES } from '../rules/five_class.js'

const listFilters = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
  keyword: vine.string().trim().maxLength(100).optional(),
  sort: vine.string().trim().maxLength(64).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
  /** Org subtree (机构及下级). */
  orgId: vine.number().withoutDecimals().min(1).optional(),
  fiveClass: vine.enum(FIVE_CLASSES).optional(),
  overdueMin: vine.number().withoutDecimals().min(0).optional(),
  overdueMax: vine.number().withoutDecimals().min(0).optional(),
}

export const riskAssetListValidator = vine.compile(
  vine.object({
    ...listFilters,
    status: vine.enum(['managed', 'exited']).optional(),
    // Keyset paging: a cursor from the previous answer (checked by decodeCursor, 422 if bad).
    after: vine.string().maxLength(2000).optional(),
    before: vine.string().maxLength(2000).optional(),
    floorFlag: vine.enum(['below', 'ok']).optional(),
  })
)

export const floorAlertListValidator = vine.compile(
  vine.object({
    ...listFilters,
    businessDate: vine.string().trim().use(calendarDate()).optional(),
  })
)

export const reclassifyValidator = vine.compile(
  vine.object({
    fiveClass: vine.enum(FIVE_CLASSES),
    reason: vine.string().trim().minLength(1).maxLength(500),
  })
)
