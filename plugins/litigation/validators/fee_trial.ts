/* Input of POST /api/litigation/fee-trial (诉讼费试算). */
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'
import { money } from '#core/money/money_rule'
import { FEE_KINDS } from '../fees/court_fee.js'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  kind: '费用种类',
  summaryProcedure: '简易程序',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  kind: 'fee kind',
  summaryProcedure: 'summary procedure',
})

export const FEE_TRIAL_FIELDS = ['kind', 'amount', 'summaryProcedure'] as const

export const feeTrialValidator = vine.compile(
  vine.object({
    kind: vine.enum(FEE_KINDS),
    // 诉讼标的额 / 申请保全的财产数额 / 执行金额, yuan with at most two decimals.
    amount: vine
      .string()
      .trim()
      .use(money({ min: '0.01', max: '999999999999999.99' })),
    summaryProcedure: vine.boolean().optional(),
  })
)
