import vine from '@vinejs/vine'
import { money } from '#core/money/money_rule'
import { KINDS, PERIODS } from '../services/periods.js'

/* 目标管理 input; amounts are yuan text with at most two decimals. */
const year = () => vine.number().withoutDecimals().range([2000, 2100])

export const targetValidator = vine.compile(
  vine.object({
    orgId: vine.number().withoutDecimals().positive(),
    year: year(),
    period: vine.enum(PERIODS),
    kind: vine.enum(KINDS),
    amount: vine
      .string()
      .trim()
      .use(money({ min: '0.01', max: '9999999999999.99' })),
    remark: vine.string().trim().maxLength(500).optional().nullable(),
  })
)

export const targetListValidator = vine.compile(
  vine.object({
    year: year().optional(),
    period: vine.enum(PERIODS).optional(),
    kind: vine.enum(KINDS).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
  })
)

export const trackingValidator = vine.compile(
  vine.object({
    year: year(),
    period: vine.enum(PERIODS).optional(),
    kind: vine.enum(KINDS).optional(),
  })
)
