/* Inputs of 核销管理's routes (zh-CN / en field labels for the 422 messages). */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { PLAN_STATUSES } from '../plans/dictionaries.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  'items': '核销借据',
  'items.*.kind': '核销对象类型',
  'items.*.id': '借据或卡账户',
  'items.*.ruleCode': '核销条件',
  'ruleCode': '核销条件',
  'reviewId': '合规审查',
  'conclusion': '审查结论',
  'opinion': '审查意见',
  'repliedOn': '批复日期',
  'replyText': '批复意见',
  'docCode': '资料类型',
  'fileName': '文件名',
  'content': '文件内容',
  'docNo': '影像编号',
  'itemId': '核销借据',
  'facts': '认定事实',
  'evidenceIds': '证明材料',
  'maxBalance': '余额上限',
  'minOverdueDays': '最少逾期天数',
  'requiredDocs': '所需资料',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  'items': 'loans',
  'items.*.kind': 'subject kind',
  'items.*.id': 'loan or card account',
  'items.*.ruleCode': 'write-off condition',
  'ruleCode': 'write-off condition',
  'reviewId': 'compliance review',
  'conclusion': 'conclusion',
  'opinion': 'opinion',
  'repliedOn': 'reply date',
  'replyText': 'reply',
  'docCode': 'document type',
  'fileName': 'file name',
  'content': 'file content',
  'docNo': 'document number',
  'itemId': 'written-off loan',
  'facts': 'facts',
  'evidenceIds': 'evidence',
  'maxBalance': 'balance ceiling',
  'minOverdueDays': 'minimum overdue days',
  'requiredDocs': 'required documents',
})

const id = () => vine.number().withoutDecimals().min(1)
const code = () =>
  vine
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)

const item = vine.object({
  kind: vine.enum(['loan', 'card'] as const),
  id: id(),
  ruleCode: code(),
})

/** 10 000 subjects at most in one batch plan (批量核销). */
export const planValidator = vine.compile(
  vine.object({
    kind: vine.enum(['single', 'batch'] as const),
    title: vine.string().trim().minLength(1).maxLength(200),
    reasons: vine.string().trim().minLength(1).maxLength(4000),
    reviewId: id().nullable().optional(),
    items: vine.array(item).minLength(1).maxLength(10_000),
  })
)

export const reviewValidator = vine.compile(
  vine.object({ items: vine.array(item).minLength(1).maxLength(2000) })
)

export const reviewOpinionValidator = vine.compile(
  vine.object({
    conclusion: vine.enum(['pass', 'fail'] as const),
    opinion: vine.string().trim().minLength(1).maxLength(4000),
  })
)

export const replyValidator = vine.compile(
  vine.object({
    repliedOn: vine.string().trim().use(calendarDate()),
    replyText: vine.string().trim().minLength(1).maxLength(4000),
  })
)

export const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(PLAN_STATUSES).optional(),
    kind: vine.enum(['single', 'batch'] as const).optional(),
    statuses: vine.string().trim().maxLength(200).optional(),
  })
)

/** Subjects for the pickers: loans or card accounts in scope, by number. */
export const subjectSearchValidator = vine.compile(
  vine.object({
    kind: vine.enum(['loan', 'card'] as const),
    keyword: vine.string().trim().maxLength(100).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
    ids: vine
      .string()
      .trim()
      .regex(/^\d+(,\d+)*$/)
      .optional(),
  })
)

export const subjectRefValidator = vine.compile(
  vine.object({ kind: vine.enum(['loan', 'card'] as const), id: id() })
)

export const uploadValidator = vine.compile(
  vine.object({
    kind: vine.enum(['loan', 'card'] as const),
    id: id(),
    docCode: code(),
    title: vine.string().trim().minLength(1).maxLength(200),
    fileName: vine.string().trim().minLength(1).maxLength(200),
    // base64 of at most ~10 MB
    content: vine
      .string()
      .regex(/^[A-Za-z0-9+/]+=*$/)
      .maxLength(14_000_000),
  })
)

export const linkValidator = vine.compile(
  vine.object({
    kind: vine.enum(['loan', 'card'] as const),
    id: id(),
    docCode: code(),
    docNo: vine.string().trim().minLength(1).maxLength(64),
  })
)

export const materialValidator = vine.compile(
  vine.object({
    itemId: id().nullable().optional(),
    title: vine.string().trim().minLength(1).maxLength(200),
    fileName: vine.string().trim().minLength(1).maxLength(200),
    content: vine
      .string()
      .regex(/^[A-Za-z0-9+/]+=*$/)
      .maxLength(14_000_000),
  })
)

export const materialLinkValidator = vine.compile(vine.object({ itemId: id().nullable() }))

export const noRecourseValidator = vine.compile(
  vine.object({
    itemId: id(),
    reason: code(),
    facts: vine.string().trim().minLength(1).maxLength(4000),
    evidenceIds: vine.array(id()).minLength(1).maxLength(50),
  })
)

export const ruleUpdateValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(200),
    basis: vine.string().trim().minLength(1).maxLength(200),
    appliesTo: vine.enum(['loan', 'card', 'any'] as const),
    maxBalance: vine
      .string()
      .trim()
      .use(money({ min: '0', max: '9999999999999.99' }))
      .nullable(),
    minOverdueDays: vine.number().withoutDecimals().min(0).max(36500).nullable(),
    enabled: vine.boolean(),
    requiredDocs: vine
      .array(vine.object({ code: code(), name: vine.string().trim().minLength(1).maxLength(100) }))
      .minLength(1)
      .maxLength(20),
  })
)
