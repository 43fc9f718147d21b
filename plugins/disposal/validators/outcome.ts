/*
| The input of recordDisposalOutcome / reverseDisposalOutcome (public service,
| called by plugins, not a route). Strict like a route: amounts are yuan text
| with at most two decimals (never rounded), dates real calendar dates, unknown
| fields refused; a failure is VineJS's E_VALIDATION_ERROR, which a calling
| request turns into a 422 with zh-CN / en field messages.
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { calendarDate } from '#core/holidays/validators'

const LABELS = {
  'zh-CN': {
    completedOn: '处置完成日期',
    cashRecovered: '现金回收金额',
    nonCashRecovered: '非现金回收金额',
    writtenOff: '核销金额',
    relieved: '减免金额',
    loss: '损失金额',
    fees: '处置费用',
    balanceReduced: '压降金额',
    planId: '处置预案',
    sourcePlugin: '来源插件',
    sourceRef: '来源记录',
    sourceLink: '来源链接',
    outcomeId: '处置结果',
  },
  'en': {
    completedOn: 'completion date',
    cashRecovered: 'cash recovered',
    nonCashRecovered: 'non-cash recovered',
    writtenOff: 'written off',
    relieved: 'relieved',
    loss: 'loss',
    fees: 'fees',
    balanceReduced: 'balance reduced',
    planId: 'disposal plan',
    sourcePlugin: 'source plugin',
    sourceRef: 'source record',
    sourceLink: 'source link',
    outcomeId: 'disposal outcome',
  },
}
Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], LABELS['zh-CN'])
Object.assign(LocalizedMessagesProvider.extraLabels.en, LABELS.en)

const MAX = '9999999999999.99'
const amount = () =>
  vine
    .string()
    .trim()
    .use(money({ min: '0', max: MAX }))
const id = () => vine.number().withoutDecimals().min(1)
const source = {
  sourcePlugin: vine
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,63}$/),
  sourceRef: vine.string().trim().minLength(1).maxLength(128),
  /** A console path ('/p/…' or '/ledgers/…'): the ledger links to it, so never a URL. */
  sourceLink: vine
    .string()
    .trim()
    .maxLength(300)
    .regex(/^\/(?!\/)[^\s<>"']*$/)
    .nullable()
    .optional(),
  remark: vine.string().trim().maxLength(500).nullable().optional(),
  operatorId: id().nullable().optional(),
}

export const outcomeInputValidator = vine.compile(
  vine.object({
    loanIds: vine.array(id()).minLength(1).maxLength(1000).distinct(),
    method: vine.string().trim().minLength(1).maxLength(32),
    completedOn: vine.string().trim().use(calendarDate()),
    cashRecovered: amount().optional(),
    nonCashRecovered: amount().optional(),
    writtenOff: amount().optional(),
    relieved: amount().optional(),
    loss: amount().optional(),
    fees: amount().optional(),
    balanceReduced: amount().optional(),
    planId: id().nullable().optional(),
    ...source,
  })
)

export const reversalInputValidator = vine.compile(
  vine.object({
    outcomeId: id(),
    ...source,
    remark: vine.string().trim().minLength(1).maxLength(500),
  })
)
