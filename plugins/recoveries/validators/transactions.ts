/*
| 交易流水确认 input: the list's filters, a fetch for a business date, a
| confirmation (method from the dictionary credit_assets_recovery_method) and a
| correction (method and a reason). Unknown body fields are refused
| (refuseUnknown), never dropped.
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { calendarDate } from '#core/holidays/validators'
import { dictCode } from '#core/validation/dictionary_code'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  method: '回收方式',
  reason: '更正原因',
  businessDate: '交易日期',
  postedFrom: '交易日期起',
  postedTo: '交易日期止',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  method: 'recovery method',
  reason: 'reason for the correction',
  businessDate: 'transaction date',
  postedFrom: 'posted from',
  postedTo: 'posted to',
})

const date = () => vine.string().trim().use(calendarDate())
const method = () =>
  vine
    .string()
    .trim()
    .use(dictCode({ type: 'credit_assets_recovery_method' }))

export const TRANSACTION_SORTS = ['postedOn', 'amount', 'txnNo'] as const

export const transactionListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(['pending', 'confirmed']).optional(),
    method: vine.string().trim().maxLength(32).optional(),
    postedFrom: date().optional(),
    postedTo: date().optional(),
    sort: vine.enum(TRANSACTION_SORTS).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)

export const fetchValidator = vine.compile(vine.object({ businessDate: date() }))

export const confirmValidator = vine.compile(
  vine.object({ method: method(), remark: vine.string().trim().maxLength(200).optional() })
)

export const correctValidator = vine.compile(
  vine.object({ method: method(), reason: vine.string().trim().minLength(2).maxLength(500) })
)

export { refusedUnknown } from '#core/validation/unknown_fields'
