/*
| 确认 and 更正: a clerk confirms a fetched transaction with its recovery
| method (credit_assets_recovery_method), or corrects a confirmed one with a
| reason. One transaction does it all, so nothing is half done:
|
| 1. our row (status, method, who, when; a correction row with the reason),
| 2. the book: credit-assets' bookWriter.recordRecovery — the repayment with
|    its transaction number and method (风险资产处置回收台账 shows it) and the
|    `recoveries.confirmed` event on the customer's 风险资产时间轴,
| 3. disposal's syncRecoveryOutcome — the repayment's outcome under the
|    matching disposal method (目标管理's 完成金额 follow; a correction reverses
|    the old outcome and records a new one),
| 4. the audit row.
*/
import { RuleError } from '#core/plugins/rule_error'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { syncRecoveryOutcome } from '../../disposal/services/outcomes_api.js'
import { TRANSACTIONS } from './fetch_transactions.js'

export const CORRECTIONS = 'recoveries_corrections'

/*
| A refused 确认/退回: a RuleError the exception handler answers — a 422 as
| 'validation.failed' with the text under its field (确认方式 when none is named),
| anything else in the caller's language.
*/
export class ConfirmError extends RuleError {
  constructor(
    status: 404 | 409 | 422,
    public field: string | null,
    public zh: string,
    public en: string
  ) {
    super(status, status === 422 ? 'validation.failed' : 'recoveries.refused', {
      text: { zh, en },
      problems:
        status === 422
          ? [{ field: field ?? 'method', rule: 'recoveries', text: { zh, en } }]
          : undefined,
    })
    this.message = en
  }

  messageFor(ctx: HttpContext) {
    if (this.status === 422) return ctx.i18n('validation.failed')
    return ctx.locale === 'en' ? this.en : this.zh
  }
}

const yuan = (fen: unknown) => Money.fromFen(String(fen)).toYuan()

async function writeThrough(
  trx: TransactionClientContract,
  row: any,
  method: string,
  operatorId: number,
  note: string | null
) {
  const written = await bookWriter.recordRecovery(trx, {
    loanId: Number(row.loan_id),
    txnNo: row.txn_no,
    paidOn: String(row.posted_on_text),
    principal: yuan(row.principal_fen),
    interest: yuan(row.interest_fen),
    penalty: yuan(row.penalty_fen),
    method,
    eventType: 'recoveries.confirmed',
    note,
    operatorId,
  })
  const outcome = await syncRecoveryOutcome(trx, {
    repaymentId: written.repaymentId,
    remark: note,
    sourceLink: `/p/recoveries/Transactions?id=${row.id}`,
    operatorId,
  })
  return { repaymentId: written.repaymentId, outcomeId: outcome?.id ?? null }
}

const lockRow = (trx: TransactionClientContract, id: number) =>
  trx
    .from(TRANSACTIONS)
    .where('id', id)
    .forUpdate()
    .select('*', db.raw('CAST(posted_on AS CHAR) as posted_on_text'))
    .first()

/** 确认: pending → confirmed with a method. Confirming a confirmed one is a 409 (use 更正). */
export async function confirmTransaction(
  ctx: HttpContext,
  id: number,
  method: string,
  remark: string | null
) {
  const user = ctx.auth.getUserOrFail()
  return db.transaction(async (trx) => {
    const row = await lockRow(trx, id)
    if (!row) throw new ConfirmError(404, null, '交易流水不存在', 'Transaction not found')
    if (row.status !== 'pending')
      throw new ConfirmError(
        409,
        null,
        `交易流水 ${row.txn_no} 已确认，如需修改请更正`,
        `Transaction ${row.txn_no} is already confirmed; correct it instead`
      )
    const through = await writeThrough(trx, row, method, user.id, remark)
    await trx.from(TRANSACTIONS).where('id', id).update({
      status: 'confirmed',
      method,
      repayment_id: through.repaymentId,
      confirmed_by: user.id,
      confirmed_at: dbNow(),
      updated_at: dbNow(),
    })
    await audit.append(ctx, {
      action: 'recoveries.transaction.confirm',
      entityType: 'recoveries_transaction',
      entityId: id,
      before: { status: row.status, method: row.method },
      after: { status: 'confirmed', method, txnNo: row.txn_no, ...through, remark },
      trx,
    })
    return through
  })
}

/** 更正: a confirmed transaction gets another method; the reason is kept and audited. */
export async function correctTransaction(
  ctx: HttpContext,
  id: number,
  method: string,
  reason: string
) {
  const user = ctx.auth.getUserOrFail()
  return db.transaction(async (trx) => {
    const row = await lockRow(trx, id)
    if (!row) throw new ConfirmError(404, null, '交易流水不存在', 'Transaction not found')
    if (row.status !== 'confirmed')
      throw new ConfirmError(
        409,
        null,
        `交易流水 ${row.txn_no} 尚未确认，请先确认`,
        `Transaction ${row.txn_no} is not confirmed yet`
      )
    if (row.method === method)
      throw new ConfirmError(
        422,
        'method',
        '更正后的回收方式与原回收方式相同',
        'The corrected method equals the current one'
      )
    const through = await writeThrough(trx, row, method, user.id, `更正：${reason}`)
    await trx.table(CORRECTIONS).insert({
      transaction_id: id,
      from_method: row.method,
      to_method: method,
      reason,
      corrected_by: user.id,
      created_at: dbNow(),
    })
    await trx
      .from(TRANSACTIONS)
      .where('id', id)
      .update({
        method,
        repayment_id: through.repaymentId,
        corrections: Number(row.corrections) + 1,
        updated_at: dbNow(),
      })
    await audit.append(ctx, {
      action: 'recoveries.transaction.correct',
      entityType: 'recoveries_transaction',
      entityId: id,
      before: { method: row.method },
      after: { method, txnNo: row.txn_no, ...through },
      detail: reason,
      trx,
    })
    return through
  })
}
