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
    series: vine
      .string()
      .trim()
      .maxLength(32)
      .regex(/^[a-z0-9_-]*$/)
      .optional()
      .nullable(),
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

/* 重点系列项目: a series code (checked against the dictionary by the service). */
const seriesCode = () =>
  vine
    .string()
    .trim()
    .maxLength(32)
    .regex(/^[a-z0-9_-]*$/)

export const trackingValidator = vine.compile(
  vine.object({
    year: year(),
    period: vine.enum(PERIODS).optional(),
    kind: vine.enum(KINDS).optional(),
    series: seriesCode().optional(),
  })
)

export const memberValidator = vine.compile(
  vine.object({ customerId: vine.number().withoutDecimals().positive() })
)

/* 考核: weights in percent with at most two decimals (the money rule checks the places). */
export const WEIGHT_FIELDS = ['kind', 'series', 'weightPct', 'capPct'] as const
export const weightsValidator = vine.compile(
  vine.object({
    year: year(),
    weights: vine
      .array(
        vine.object({
          kind: vine.enum(KINDS),
          series: seriesCode().optional(),
          weightPct: vine
            .string()
            .trim()
            .use(money({ min: '0.01', max: '100.00' })),
          capPct: vine
            .string()
            .trim()
            .use(money({ min: '1.00', max: '300.00' })),
        })
      )
      .minLength(1)
      .maxLength(50),
  })
)

export const assessmentValidator = vine.compile(
  vine.object({ year: year(), period: vine.enum(PERIODS) })
)
