/*
| A case's fees (费用管理): 案件受理费, 保全费, 公告费, 执行申请费 … are expenses of the
| expenses plugin with the case as their source, written and read only through its
| public service (services/expenses_api.ts). The lawyer fees paid under an
| engagement for the case (lawyers/engagement_service.ts) are the case's too.
| 诉讼台账's fee columns read the same sources (ledgers/case_ledger.ts).
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { UserAccess } from '#core/identity/user_access'
import {
  ExpenseError,
  listFor,
  recordExpense,
  totalsFor,
} from '../../expenses/services/expenses_api.js'
import type { Expense } from '../../expenses/services/expenses_api.js'
import { CaseError } from './case_error.js'
import { caseInScope } from './case_service.js'

export interface CaseExpenseInput {
  feeKind: string
  payee: string
  amount: string
  expenseDate: string
  recoverable: boolean
  remark?: string | null
}

const caseSource = (id: number) => ({ plugin: 'litigation', kind: 'case', id })

async function engagementIdsOf(caseId: number): Promise<number[]> {
  const rows = await db.from('lit_engagements').where('case_id', caseId).select('id')
  return rows.map((r) => Number(r.id))
}

/** The case's expenses in the caller's scope, newest first; null when the case is out of scope. */
export async function caseExpenses(access: UserAccess, caseId: number): Promise<Expense[] | null> {
  if (!(await caseInScope(access, caseId))) return null
  const lists = [await listFor(caseSource(caseId), access)]
  for (const id of await engagementIdsOf(caseId))
    lists.push(await listFor({ plugin: 'litigation', kind: 'engagement', id }, access))
  return lists.flat().sort((a, b) => b.expenseDate.localeCompare(a.expenseDate) || b.id - a.id)
}

/**
 * 登记费用: an expense of the case (approved at once up to 费用管理's threshold, else
 * through its workflow), on the case's customer and loans, paid by the bank. The
 * expenses plugin refuses a future date, a malformed amount (422) and answers ExpenseError.
 */
export async function registerCaseExpense(
  ctx: HttpContext | null,
  access: UserAccess,
  caseId: number,
  input: CaseExpenseInput
): Promise<Expense> {
  const found = await caseInScope(access, caseId)
  if (!found) throw new CaseError(404, '案件不存在或无权访问', 'Case not found')
  return db.transaction(async (trx) => {
    const { expense } = await recordExpense(trx, {
      feeKind: input.feeKind,
      customerId: found.customerId,
      loanIds: found.loans.map((l) => l.loanId),
      payer: '本行',
      payee: input.payee,
      amount: input.amount,
      expenseDate: input.expenseDate,
      recoverable: input.recoverable,
      remark: input.remark ?? undefined,
      source: {
        ...caseSource(caseId),
        label: found.caseNo,
        link: `/p/litigation/cases/CaseRegister?id=${caseId}`,
      },
      operatorId: access.user.id,
      access,
      ctx,
    }).catch((error) => {
      // 费用管理's refusal (a future date, a loan out of scope) is answered as the case's own.
      throw error instanceof ExpenseError ? CaseError.from(error) : error
    })
    return expense
  })
}

/** True when the case has an expense that is not rejected or withdrawn (it may not be deleted). */
export async function caseHasExpenses(caseId: number): Promise<boolean> {
  const [totals] = await totalsFor([caseSource(caseId)])
  return totals.count > 0
}
