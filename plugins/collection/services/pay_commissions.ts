/*
| 支付佣金: the assignment's accrued commissions become one expense application
| (payee: the agency) through the expenses plugin's public service, in one
| transaction with the commissions marked 已申请支付 and the expense number kept.
| The expense then follows its own flow (审批 above the threshold, 支付, the
| posting to core banking). The request key names the last commission included,
| so a retried click is the same expense, never a second one.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { ExpenseError, recordExpense } from '../../expenses/services/expenses_api.js'
import { CollectionError } from './collection_error.js'

/** A refusal of 支付佣金 (answered by the exception handler). */
export class PayError extends CollectionError {
  constructor(status: 404 | 409 | 422, field: string | null, zh: string, en: string) {
    super(status, field, zh, en)
  }
}

/** 佣金 when the expenses dictionary has such a kind (banks add it on 字典管理), else 其他. */
async function feeKind() {
  const { data } = await dictionariesCache.current()
  const kinds = data['expenses_fee_kind'] ?? []
  return kinds.find((k) => k.code === 'commission' && k.enabled) ? 'commission' : 'other'
}

export async function payCommissions(ctx: HttpContext, access: UserAccess, assignmentId: number) {
  const user = ctx.auth.getUserOrFail()
  const today = await businessDate.current()
  const kind = await feeKind()
  return db.transaction(async (trx) => {
    const assignment = await trx
      .from('collection_assignments as s')
      .join('collection_agencies as a', 'a.id', 's.agency_id')
      .where('s.id', assignmentId)
      .forUpdate()
      .select('s.*', 'a.name as agency_name')
      .first()
    if (!assignment) throw new PayError(404, null, '委托不存在', 'Assignment not found')
    const due = await trx
      .from('collection_commissions')
      .where('assignment_id', assignmentId)
      .where('status', 'accrued')
      .orderBy('id')
      .forUpdate()
    const total = Money.sum(due.map((c) => Money.fromFen(String(c.commission_fen))))
    if (!due.length || total.isZero())
      throw new PayError(422, 'id', '没有待支付的佣金', 'No commission to pay')
    const loanIds = [...new Set(due.map((c) => Number(c.loan_id)))]
    const { expense } = await recordExpense(trx, {
      feeKind: kind,
      customerId: Number(assignment.customer_id),
      loanIds,
      payer: '本行',
      payee: assignment.agency_name,
      amount: total.toYuan(),
      expenseDate: today,
      recoverable: false,
      remark: `委外清收佣金 ${assignment.assignment_no}：${due.length} 笔回款`,
      source: {
        plugin: 'collection',
        kind: 'assignment',
        id: assignmentId,
        label: assignment.assignment_no,
        link: `/p/collection/Outsourcing?assignment=${assignmentId}`,
      },
      requestKey: `commission:${assignmentId}:${due.at(-1)!.id}`,
      operatorId: user.id,
      access,
      ctx,
    }).catch((error) => {
      // The expenses plugin's refusal (e.g. its amount limits), answered as this one's.
      throw error instanceof ExpenseError ? CollectionError.from(error) : error
    })
    await trx
      .from('collection_commissions')
      .whereIn(
        'id',
        due.map((c) => c.id)
      )
      .update({ status: 'claimed', expense_ref: expense.expenseNo, paid_at: dbNow() })
    await audit.append(ctx, {
      action: 'collection.commission.pay',
      entityType: 'collection_assignment',
      entityId: assignmentId,
      after: { expenseNo: expense.expenseNo, amount: total.toYuan(), commissions: due.length },
      trx,
    })
    return {
      expenseNo: expense.expenseNo,
      expenseId: expense.id,
      amount: total.toYuan(),
      commissions: due.length,
      status: expense.status,
    }
  })
}
