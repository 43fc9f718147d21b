/*
| 接入接口 recoveries.recovery-notice (pushed by 数据中台): a recovery transaction
| as soon as the platform sees it, instead of waiting for the next morning's
| fetch. Stored exactly like a fetched one (storeTransactions: once per
| transaction number, only on loans under risk-asset management, pending until
| a clerk confirms it), so the notice and the fetch never double a row.
| Amounts in yuan text with two decimals (never floats); principal + interest +
| penalty must equal the amount.
*/
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { InboundHandler } from '#core/plugins/types'
import { Money } from '#core/money/money'
import { audit } from '#core/audit/audit'
import { storeTransactions } from '../services/fetch_transactions.js'

const yuan = vine
  .string()
  .trim()
  .regex(/^\d{1,13}\.\d{2}$/)
const notice = vine.compile(
  vine.object({
    txnNo: vine
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/),
    loanNo: vine
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/),
    customerNo: vine.string().trim().maxLength(40),
    postedOn: vine
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/),
    principal: yuan.clone(),
    interest: yuan.clone(),
    penalty: yuan.clone(),
    amount: yuan.clone(),
    channel: vine.string().trim().maxLength(40),
    payerName: vine.string().trim().maxLength(200),
    memo: vine.string().trim().maxLength(200).optional(),
  })
)

const recoveryNotice: InboundHandler = async ({ body, client, locale }) => {
  const input = await notice.validate(body)
  const sum = Money.fromYuan(input.principal)
    .plus(Money.fromYuan(input.interest))
    .plus(Money.fromYuan(input.penalty))
  const problem = !DateTime.fromISO(input.postedOn).isValid
    ? { field: 'postedOn', rule: 'date', zh: '日期不存在', en: 'No such date' }
    : sum.toFen() !== Money.fromYuan(input.amount).toFen()
      ? {
          field: 'amount',
          rule: 'sum',
          zh: '金额须等于本金、利息、罚息之和',
          en: 'amount must equal principal + interest + penalty',
        }
      : null
  if (problem)
    return {
      status: 422,
      body: {
        code: 'INVALID',
        message: locale === 'en' ? 'Validation failed' : '数据校验失败',
        errors: [
          {
            field: problem.field,
            rule: problem.rule,
            message: locale === 'en' ? problem.en : problem.zh,
          },
        ],
      },
    }
  const result = { added: 0, alreadyKnown: 0, notRiskAssets: 0 }
  await storeTransactions([{ ...input, memo: input.memo ?? '' }], result)
  const outcome = result.added ? 'received' : result.alreadyKnown ? 'duplicate' : 'notRiskAsset'
  if (result.added)
    await audit.record(null, {
      action: 'recoveries.transaction.notice',
      entityType: 'recovery_transaction',
      entityId: input.txnNo,
      detail: `接入系统 ${client.code}`,
    })
  return { body: { txnNo: input.txnNo, outcome } }
}

export default recoveryNotice
