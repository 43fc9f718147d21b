import vine from '@vinejs/vine'
import { money } from '#core/money/money_rule'
import { calendarDate } from '#core/validation/dates'
import { dictCode } from '#core/validation/dictionary_code'

/* 受托资产 and 特定资产 input (unknown fields are refused by the controllers). */
export const ASSET_FIELDS = [
  'contractNo',
  'principalParty',
  'assetName',
  'principal',
  'feeRate',
  'periodFrom',
  'periodTo',
  'status',
  'remark',
] as const

const date = () => vine.string().trim().use(calendarDate())

export const assetValidator = vine.compile(
  vine.object({
    contractNo: vine.string().trim().minLength(1).maxLength(64),
    principalParty: vine.string().trim().minLength(1).maxLength(200),
    assetName: vine.string().trim().minLength(1).maxLength(200),
    principal: vine
      .string()
      .trim()
      .use(money({ min: '0.01', max: '9999999999999.99' })),
    /** Percent with at most 4 decimals, 0–100. */
    feeRate: vine
      .string()
      .trim()
      .regex(/^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/),
    periodFrom: date(),
    periodTo: date(),
    status: vine.string().use(dictCode({ type: 'entrusted_asset_status' })),
    remark: vine.string().trim().maxLength(500).optional().nullable(),
  })
)

export const listValidator = vine.compile(
  vine.object({
    keyword: vine.string().trim().maxLength(100).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    sort: vine.string().optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)

export const RULE_FIELDS = ['name', 'category', 'minBalance', 'industry', 'status'] as const
export const ruleValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(100),
    category: vine.string().use(dictCode({ type: 'entrusted_special_category' })),
    minBalance: vine
      .string()
      .trim()
      .use(money({ min: '0.00', max: '9999999999999.99' }))
      .optional()
      .nullable(),
    industry: vine.string().trim().maxLength(64).optional().nullable(),
    status: vine.enum(['enabled', 'disabled']),
  })
)

export const SPECIAL_FIELDS = ['loanId', 'category', 'reason'] as const
export const specialValidator = vine.compile(
  vine.object({
    loanId: vine.number().withoutDecimals().positive(),
    category: vine.string().use(dictCode({ type: 'entrusted_special_category' })),
    reason: vine.string().trim().minLength(1).maxLength(500),
  })
)
