/*
| 催收管理 and 委外清收 input. Methods and statuses come from this plugin's
| dictionaries; amounts are yuan text (money rule); rates are percent with at
| most 4 decimals; dates real calendar dates. Unknown body fields: refusedUnknown.
*/
import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { calendarDate } from '#core/holidays/validators'
import { dictCode } from '#core/validation/dictionary_code'
import { money } from '#core/money/money_rule'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  customerId: '客户',
  loanIds: '借据',
  method: '催收方式',
  dueOn: '要求完成日期',
  instructions: '催收要求',
  signed: '债务人签收',
  licenceNo: '经营许可证号',
  licenceExpiresOn: '许可证有效期至',
  contractNo: '委托合同号',
  contractFrom: '合同起始日',
  contractTo: '合同到期日',
  commissionRate: '佣金比例（%）',
  contact: '联系人',
  agencyId: '委外机构',
  periodFrom: '委托起始日',
  periodTo: '委托到期日',
  target: '清收目标（元）',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  customerId: 'customer',
  loanIds: 'loans',
  method: 'collection method',
  dueOn: 'due date',
  instructions: 'instructions',
  signed: 'signed by the debtor',
  licenceNo: 'licence no.',
  licenceExpiresOn: 'licence valid until',
  contractNo: 'contract no.',
  contractFrom: 'contract start',
  contractTo: 'contract end',
  commissionRate: 'commission rate (%)',
  contact: 'contact',
  agencyId: 'agency',
  periodFrom: 'period start',
  periodTo: 'period end',
  target: 'target (CNY)',
})

const date = () => vine.string().trim().use(calendarDate())
const id = () => vine.number().withoutDecimals().min(1)
const page = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
  keyword: vine.string().trim().maxLength(100).optional(),
}
/** Percent, 0 < rate ≤ 100, at most 4 decimals ("8.25"). */
const rate = () =>
  vine
    .string()
    .trim()
    .regex(/^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/)

export const listValidator = vine.compile(
  vine.object({
    ...page,
    status: vine.string().trim().maxLength(16).optional(),
    // CrudPage sends its sort; these lists keep their newest-first order.
    sort: vine.string().trim().maxLength(32).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)

export const itemValidator = vine.compile(
  vine.object({
    customerId: id(),
    loanIds: vine.array(id()).minLength(1).maxLength(50).distinct(),
    method: vine
      .string()
      .trim()
      .use(dictCode({ type: 'collection_method' })),
    dueOn: date().optional(),
    instructions: vine.string().trim().maxLength(500).optional(),
  })
)

export const registerValidator = vine.compile(
  vine.object({
    signed: vine.boolean().optional(),
    remark: vine.string().trim().maxLength(200).optional(),
  })
)

export const agencyValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(200),
    licenceNo: vine.string().trim().minLength(4).maxLength(64),
    licenceExpiresOn: date(),
    contractNo: vine.string().trim().minLength(2).maxLength(64),
    contractFrom: date(),
    contractTo: date(),
    commissionRate: rate(),
    contact: vine.string().trim().maxLength(64).optional(),
    status: vine
      .string()
      .trim()
      .use(dictCode({ type: 'collection_agency_status' })),
  })
)

export const assignmentValidator = vine.compile(
  vine.object({
    agencyId: id(),
    customerId: id(),
    loanIds: vine.array(id()).minLength(1).maxLength(50).distinct(),
    periodFrom: date(),
    periodTo: date(),
    target: vine
      .string()
      .trim()
      .use(money({ min: '0.01', max: '9999999999999.99' })),
    commissionRate: rate().optional(),
  })
)

export { refusedUnknown } from '#core/validation/unknown_fields'

/** Answers 422 with one field message (a rule VineJS cannot express) and returns true. */
export function fieldError(ctx: HttpContext, field: string, zh: string, en: string): true {
  ctx.response.status(422).send({
    message: ctx.i18n('validation.failed'),
    errors: [{ field, rule: 'collection', message: ctx.locale === 'en' ? en : zh }],
  })
  return true
}
