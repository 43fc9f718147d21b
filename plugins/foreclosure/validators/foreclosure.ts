/* Inputs of 以资抵债's routes (zh-CN / en field labels for the 422 messages). */
import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import {
  ASSET_CLASSES,
  DOC_KINDS,
  RECEIPT_STATUSES,
  SOURCES,
  WAYS,
} from '../receipts/dictionaries.js'

const LABELS: Record<string, [string, string]> = {
  'loanIds': ['所抵借据', 'loans'],
  'loanIds.*': ['所抵借据', 'loan'],
  'way': ['抵债方式', 'way'],
  'source': ['资产来源', 'source'],
  'collateralRef': ['押品编号', 'collateral'],
  'assetClass': ['资产类别', 'asset class'],
  'assetName': ['资产名称', 'asset name'],
  'location': ['坐落位置', 'location'],
  'certificates': ['权属证书', 'certificates'],
  'rulingNo': ['裁定书/协议编号', 'ruling / agreement no.'],
  'appraisedValue': ['评估价', 'appraised value'],
  'appraisedOn': ['评估基准日', 'appraisal date'],
  'agreedValue': ['抵债金额', 'agreed value'],
  'taxesAndFees': ['税费', 'taxes and fees'],
  'acquiredOn': ['取得日期', 'acquisition date'],
  'reasons': ['抵债理由', 'reasons'],
  'ids': ['收取记录', 'receipts'],
  'ids.*': ['收取记录', 'receipt'],
  'docKind': ['资料类型', 'document kind'],
  'fileName': ['文件名', 'file name'],
  'content': ['文件内容', 'file content'],
}
Object.assign(
  LocalizedMessagesProvider.extraLabels['zh-CN'],
  Object.fromEntries(Object.entries(LABELS).map(([k, [zh]]) => [k, zh]))
)
Object.assign(
  LocalizedMessagesProvider.extraLabels.en,
  Object.fromEntries(Object.entries(LABELS).map(([k, [, en]]) => [k, en]))
)

const id = () => vine.number().withoutDecimals().min(1)
const amount = (min = '0.00') =>
  vine
    .string()
    .trim()
    .use(money({ min, max: '999999999999.99' }))
const date = () => vine.string().trim().use(calendarDate())
const codes = <T extends readonly (readonly string[])[]>(rows: T) =>
  rows.map((r) => r[0]) as unknown as [T[number][0], ...T[number][0][]]
const text = (max: number) => vine.string().trim().maxLength(max).nullable().optional()

export const receiptValidator = vine.compile(
  vine.object({
    loanIds: vine.array(id()).minLength(1).maxLength(50),
    way: vine.enum(codes(WAYS)),
    source: vine.enum(codes(SOURCES)),
    collateralRef: text(64),
    assetClass: vine.enum(codes(ASSET_CLASSES)),
    assetName: vine.string().trim().minLength(1).maxLength(200),
    location: text(300),
    certificates: text(500),
    rulingNo: text(100),
    appraisedValue: amount(),
    appraisedOn: date().nullable().optional(),
    agreedValue: amount('0.01'),
    taxesAndFees: amount(),
    acquiredOn: date(),
    reasons: vine.string().trim().minLength(1).maxLength(4000),
  })
)

export const idsValidator = vine.compile(
  vine.object({
    ids: vine.array(id()).minLength(1).maxLength(200),
    comment: vine.string().trim().maxLength(500).nullable().optional(),
  })
)

/** 撤回: an optional reason, kept in the workflow history and the audit. */
export const withdrawValidator = vine.compile(
  vine.object({
    comment: vine.string().trim().maxLength(500).nullable().optional(),
  })
)

export const documentValidator = vine.compile(
  vine.object({
    docKind: vine.enum(codes(DOC_KINDS)),
    title: vine.string().trim().minLength(1).maxLength(200),
    fileName: vine.string().trim().minLength(1).maxLength(200),
    // base64 of at most ~10 MB
    content: vine
      .string()
      .regex(/^[A-Za-z0-9+/]+=*$/)
      .maxLength(14_000_000),
  })
)

export const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(codes(RECEIPT_STATUSES)).optional(),
    way: vine.enum(codes(WAYS)).optional(),
  })
)

/** `?loanIds=12,13`: the loans whose collateral the form shows. */
export const collateralQueryValidator = vine.compile(
  vine.object({
    loanIds: vine
      .string()
      .trim()
      .regex(/^[1-9]\d{0,9}(,[1-9]\d{0,9}){0,49}$/),
  })
)
