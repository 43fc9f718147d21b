import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { dictCode } from '#core/validation/dictionary_code'

/* 非信贷资产 input: strict (unknown body fields are refused by the controller). */
export const listValidator = vine.compile(
  vine.object({
    keyword: vine.string().trim().maxLength(100).optional(),
    assetType: vine
      .string()
      .use(dictCode({ type: 'non_credit_asset_type' }))
      .optional(),
    subType: vine
      .string()
      .use(dictCode({ type: 'non_credit_sub_type' }))
      .optional(),
    fiveClass: vine
      .string()
      .use(dictCode({ type: 'credit_assets_five_class' }))
      .optional(),
    orgId: vine.number().withoutDecimals().min(1).optional(),
    overdueMin: vine.number().withoutDecimals().range([0, 99999]).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    sort: vine
      .enum(['assetNo', 'bookValue', 'principal', 'overdueDays', 'maturityDate'])
      .optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)

export const CLASSIFY_FIELDS = ['toClass', 'reason'] as const
export const classifyValidator = vine.compile(
  vine.object({
    toClass: vine.string().use(dictCode({ type: 'credit_assets_five_class' })),
    reason: vine.string().trim().minLength(4).maxLength(500),
  })
)

export const SYNC_FIELDS = ['businessDate'] as const
export const syncValidator = vine.compile(
  vine.object({ businessDate: vine.string().use(calendarDate()).optional() })
)
