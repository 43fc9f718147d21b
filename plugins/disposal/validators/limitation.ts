/*
| Input of 时效管理: the risk-asset list, event registration and the rule editor.
| Rules across fields (an end date for a judgment, a guarantee for a claim, no
| future dates) are checked in the controller and answered as the same 422.
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { calendarDate } from '#core/holidays/validators'
import { EVENT_TYPES } from '../limitation/types.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  eventType: '事件类型',
  eventDate: '事件日期',
  endDate: '结束日期',
  guaranteeId: '保证担保',
  signed: '债务人签收',
  proofRef: '凭证编号',
  periodYears: '期间（年）',
  periodMonths: '期间（月）',
  rollToWorkingDay: '末日顺延',
  legalBasis: '法律依据',
  description: '规则说明',
  enabled: '启用',
  reviewNote: '审核意见',
  endBefore: '届满日不晚于',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  eventType: 'event type',
  eventDate: 'event date',
  endDate: 'end date',
  guaranteeId: 'guarantee',
  signed: 'signed by the debtor',
  proofRef: 'proof reference',
  periodYears: 'period (years)',
  periodMonths: 'period (months)',
  rollToWorkingDay: 'roll to working day',
  legalBasis: 'legal basis',
  description: 'description',
  enabled: 'enabled',
  reviewNote: 'review note',
  endBefore: 'ends on or before',
})

const date = () => vine.string().trim().use(calendarDate())

export const LIMITATION_SORTS = ['endDate', 'loanNo', 'overdueDays', 'balance'] as const

export const limitationListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    sort: vine.enum(LIMITATION_SORTS).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
    status: vine.enum(['running', 'expired', 'suspended', 'uncomputed']).optional(),
    endBefore: date().optional(),
    reviewPending: vine.boolean().optional(),
  })
)

export const limitationEventValidator = vine.compile(
  vine.object({
    eventType: vine.enum(EVENT_TYPES),
    eventDate: date(),
    endDate: date().optional(),
    guaranteeId: vine.number().withoutDecimals().min(1).optional(),
    signed: vine.boolean().optional(),
    proofRef: vine.string().trim().minLength(1).maxLength(200),
    remark: vine.string().trim().maxLength(500).optional(),
  })
)

export const limitationReviewValidator = vine.compile(
  vine.object({ reviewNote: vine.string().trim().minLength(1).maxLength(500) })
)

export const limitationRuleValidator = vine.compile(
  vine.object({
    periodYears: vine.number().withoutDecimals().range([0, 50]).nullable(),
    periodMonths: vine.number().withoutDecimals().range([0, 600]).nullable(),
    rollToWorkingDay: vine.boolean(),
    legalBasis: vine.string().trim().minLength(1).maxLength(500),
    description: vine.string().trim().minLength(1).maxLength(1000),
    enabled: vine.boolean(),
  })
)
