/*
| Input of 抵债资产: every route's body and query. Unknown fields are refused
| (controllers/helpers.ts checks the keys against these field maps), amounts
| are yuan text with at most two decimals, dates real calendar dates,
| codes from the plugin's dictionaries.
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { dictCode } from '#core/validation/dictionary_code'
import { calendarDate } from '#core/validation/dates'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  assetIds: '资产',
  managerId: '管理人',
  businessLine: '业务条线',
  region: '区域',
  checkedOn: '检查日期',
  condition: '资产状况',
  occupancy: '占用情况',
  damage: '损毁情况',
  valueFound: '检查估值',
  findings: '检查发现',
  fileName: '文件名',
  content: '文件内容',
  tenant: '承租人',
  tenantContact: '承租人联系方式',
  rent: '租金',
  rentPeriod: '租金周期',
  startOn: '租期起日',
  endOn: '租期止日',
  endedOn: '结束日期',
  direction: '收支方向',
  entryDate: '发生日期',
  leaseId: '租约',
  physicalState: '实物状况',
  matches: '账实相符',
  difference: '差异说明',
  assetId: '抵债资产',
  method: '处置方式',
  buyer: '买受人',
  reason: '申请理由',
  evidence: '证据材料',
  appliedOn: '申请日期',
  custodianOrgId: '保管行',
  appraisedValue: '评估价值',
  appraisedOn: '评估日期',
  disposalMonths: '处置期限（月）',
  reminderOffsets: '提醒（工作日）',
  checkIntervalMonths: '检查周期（月）',
})

const date = () => vine.string().trim().use(calendarDate())
const amount = (min = '0.01') =>
  vine
    .string()
    .trim()
    .use(money({ min, max: '9999999999999.99' }))
const id = () => vine.number().withoutDecimals().min(1)
const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)
const optionalText = (max: number) => vine.string().trim().maxLength(max).nullable().optional()
const dict = (type: string) => vine.string().trim().use(dictCode({ type }))

export const distributeFields = {
  assetIds: vine.array(id()).minLength(1).maxLength(200).distinct(),
  managerId: id(),
  businessLine: dict('foreclosed_assets_business_line'),
  region: optionalText(64),
}
export const distributeValidator = vine.compile(vine.object(distributeFields))

export const basicFields = {
  name: text(200),
  location: optionalText(300),
  certificates: optionalText(500),
  custodianOrgId: id(),
}
export const basicValidator = vine.compile(vine.object(basicFields))

export const appraisalFields = {
  appraisedValue: amount(),
  appraisedOn: date(),
  note: optionalText(300),
}
export const appraisalValidator = vine.compile(vine.object(appraisalFields))

export const checkFields = {
  checkedOn: date(),
  condition: dict('foreclosed_assets_condition'),
  occupancy: dict('foreclosed_assets_occupancy'),
  damage: dict('foreclosed_assets_damage'),
  valueFound: amount('0').nullable().optional(),
  findings: optionalText(1000),
}
export const checkValidator = vine.compile(vine.object(checkFields))

export const photoFields = {
  fileName: text(200),
  content: vine
    .string()
    .minLength(4)
    .maxLength(7_100_000)
    .regex(/^[A-Za-z0-9+/=\s]+$/),
}
export const photoValidator = vine.compile(vine.object(photoFields))

export const reconciliationFields = {
  checkedOn: date(),
  physicalState: text(500),
  matches: vine.boolean(),
  difference: optionalText(500),
}
export const reconciliationValidator = vine.compile(vine.object(reconciliationFields))

export const leaseFields = {
  tenant: text(200),
  tenantContact: optionalText(100),
  rent: amount(),
  rentPeriod: vine.enum(['month', 'quarter', 'year'] as const),
  startOn: date(),
  endOn: date(),
  remark: optionalText(500),
}
export const leaseValidator = vine.compile(vine.object(leaseFields))

export const endLeaseFields = { endedOn: date() }
export const endLeaseValidator = vine.compile(vine.object(endLeaseFields))

export const entryFields = {
  direction: vine.enum(['income', 'expense'] as const),
  kind: dict('foreclosed_assets_entry_kind'),
  amount: amount(),
  entryDate: date(),
  leaseId: id().nullable().optional(),
  payee: optionalText(200),
  remark: optionalText(500),
}
export const entryValidator = vine.compile(vine.object(entryFields))

export const disposalFields = {
  assetId: id(),
  kind: vine.enum(['sale', 'to_fixed', 'write_off'] as const),
  method: vine
    .enum(['auction', 'agreement', 'tender'] as const)
    .nullable()
    .optional(),
  buyer: optionalText(200),
  amount: amount('0'),
  reason: text(1000),
  evidence: optionalText(1000),
  appliedOn: date(),
}
export const disposalValidator = vine.compile(vine.object(disposalFields))

export const ruleFields = {
  disposalMonths: vine.number().withoutDecimals().range([1, 120]),
  reminderOffsets: vine
    .array(vine.number().withoutDecimals().range([0, 250]))
    .minLength(1)
    .maxLength(6)
    .distinct(),
  checkIntervalMonths: vine.number().withoutDecimals().range([1, 24]),
  basis: text(300),
}
export const ruleValidator = vine.compile(vine.object(ruleFields))

export const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    assetClass: vine.string().trim().maxLength(20).optional(),
    status: vine.string().trim().maxLength(20).optional(),
    managerId: id().optional(),
    undistributed: vine.boolean().optional(),
    overdue: vine.boolean().optional(),
    checkOverdue: vine.boolean().optional(),
    assetId: id().optional(),
    kind: vine.enum(['sale', 'to_fixed', 'write_off'] as const).optional(),
    direction: vine.enum(['income', 'expense'] as const).optional(),
    sort: vine.string().trim().maxLength(30).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)

export const pickerValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 50]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    ids: vine
      .string()
      .trim()
      .regex(/^\d+(,\d+)*$/)
      .maxLength(500)
      .optional(),
    status: vine.enum(['open', 'held', 'leased', 'all'] as const).optional(),
  })
)
