/*
| Every change of an expense, each in the caller's transaction and audited:
| apply (申请; approved at once up to the 审批金额 parameter, else through the
| core workflow), edit and resubmit a returned one, the workflow's decisions.
| Paid and recovered are expense_settle.ts, the posting's retry posting.ts;
| with this file they are the only writers of the expenses tables.
*/
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { randomUUID } from 'node:crypto'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import { submitForApproval } from '#core/workflow/submit'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { ExpenseError } from './expense_error.js'
import { LOANS_TABLE, TABLE, loadExpense, type Expense } from './expense_read.js'

export const WORKFLOW_TYPE = 'expenses:expense'
export const THRESHOLD_SETTING = 'expenses.approvalThreshold'
/** A returned or withdrawn application is edited and submitted again. */
export const EDITABLE = ['returned', 'withdrawn'] as const

export interface ExpenseInput {
  feeKind: string
  customerId: number
  loanIds?: number[]
  payer: string
  payee: string
  /** Yuan text, at most two decimals, above zero. */
  amount: string
  expenseDate: string
  recoverable: boolean
  remark?: string | null
}

export interface SourceInput {
  plugin: string
  kind: string
  id: string
  label?: string
  link?: string
}

/** Who acts: the user (and their scope, for a person's request), the request for the audit row. */
export interface Actor {
  userId: number
  orgId: number
  access?: UserAccess
  ctx?: HttpContext | null
}

/** Read before the transaction (parameters and the business date come through the pool). */
export interface WriteContext {
  threshold: Money
  today: string
}

export async function writeContext(): Promise<WriteContext> {
  const [threshold, today] = await Promise.all([
    settings.raw(THRESHOLD_SETTING),
    businessDate.current(),
  ])
  return { threshold: Money.fromYuan(threshold), today }
}

const actorName = async (trx: TransactionClientContract, actor: Actor) =>
  actor.ctx
    ? null
    : ((await trx.from('users').where('id', actor.userId).select('username').first())?.username ??
      null)

async function record(
  trx: TransactionClientContract,
  actor: Actor,
  entry: {
    action: string
    id: number
    before?: Record<string, unknown> | null
    after?: Record<string, unknown> | null
    detail?: string
  }
) {
  await audit.record(actor.ctx ?? null, {
    trx,
    actorUsername: await actorName(trx, actor),
    action: `expenses.expense.${entry.action}`,
    entityType: 'expense',
    entityId: entry.id,
    before: entry.before ?? null,
    after: entry.after ?? null,
    detail: entry.detail ?? null,
  })
}

export async function feeKindName(code: string) {
  const { data } = await dictionariesCache.current()
  return (data['expenses_fee_kind'] ?? []).find((i) => i.code === code)?.label.zh ?? code
}

/** The customer and loans, in the actor's scope; the loans must be the customer's. */
async function resolveBook(trx: TransactionClientContract, input: ExpenseInput, actor: Actor) {
  const options = { access: actor.access, client: trx }
  const customer = await bookApi.customers.byId(input.customerId, options)
  if (!customer)
    throw new ExpenseError(404, '客户不存在或不在数据权限内', 'Customer not found', 'customerId')
  const ids = input.loanIds ?? []
  const loans = ids.length ? (await bookApi.loans.search({ ids, perPage: 200 }, options)).data : []
  const missing = ids.filter((id) => !loans.some((l) => l.id === id))
  if (missing.length)
    throw new ExpenseError(
      404,
      `借据不存在或不在数据权限内：${missing.join(', ')}`,
      `Loans not found: ${missing.join(', ')}`,
      'loanIds'
    )
  if (loans.some((l) => l.customerId !== customer.id))
    throw new ExpenseError(422, '借据须属于所选客户', 'The loans must be the customer’s', 'loanIds')
  const first = loans[0]
  return {
    customer,
    loans,
    orgId: first ? first.orgId : customer.orgId,
    managerId: first ? first.managerId : customer.managerId,
  }
}

function checkDates(input: { expenseDate: string }, today: string) {
  if (input.expenseDate > today)
    throw new ExpenseError(
      422,
      `费用日期不得晚于营业日期 ${today}`,
      `The expense date may not be after the business date ${today}`,
      'expenseDate'
    )
}

const facts = (input: ExpenseInput) => ({
  feeKind: input.feeKind,
  customerId: input.customerId,
  loanIds: input.loanIds ?? [],
  payer: input.payer,
  payee: input.payee,
  amount: Money.fromYuan(input.amount).toYuan(),
  expenseDate: input.expenseDate,
  recoverable: input.recoverable,
  remark: input.remark ?? null,
})

/**
 * Approval: above the 审批金额 parameter the core workflow decides (the
 * expense stays 申请 until then); up to it the application is approved at once.
 */
async function submit(
  trx: TransactionClientContract,
  expense: { id: number; expenseNo: string; amount: string; customerName: string; feeKind: string },
  actor: Actor,
  context: WriteContext,
  viaWorkflow: boolean
) {
  const amount = Money.fromYuan(expense.amount)
  if (viaWorkflow || amount.compare(context.threshold) > 0) {
    const { instanceId } = await submitForApproval({
      type: WORKFLOW_TYPE,
      businessId: String(expense.id),
      title: `费用 ${expense.expenseNo} ${await feeKindName(expense.feeKind)} ${expense.customerName}`,
      amount: amount.toYuan(),
      applicantId: actor.userId,
      orgId: actor.orgId,
      trx,
    })
    await trx
      .from(TABLE)
      .where('id', expense.id)
      .update({ status: 'applied', workflow_instance_id: instanceId, updated_at: dbNow() })
    return
  }
  await trx.from(TABLE).where('id', expense.id).update({ status: 'approved', updated_at: dbNow() })
  await record(trx, actor, {
    action: 'approve',
    id: expense.id,
    before: { status: 'applied' },
    after: { status: 'approved' },
    detail: `金额 ${amount.toYuan()} 未超过审批金额 ${context.threshold.toYuan()}，提交即审批`,
  })
}

/** 费用申请: a new expense, submitted at once. */
export async function createExpense(
  trx: TransactionClientContract,
  input: ExpenseInput,
  actor: Actor,
  context: WriteContext,
  extra: { source?: SourceInput | null; requestKey?: string | null } = {}
): Promise<Expense> {
  checkDates(input, context.today)
  const { customer, loans, orgId, managerId } = await resolveBook(trx, input, actor)
  const now = dbNow()
  const [id] = await trx.table(TABLE).insert({
    // A placeholder until the id is known (the number is derived from it).
    expense_no: randomUUID().replace(/-/g, '').slice(0, 32),
    fee_kind: input.feeKind,
    customer_id: customer.id,
    org_id: orgId,
    manager_id: managerId,
    payer: input.payer,
    payee: input.payee,
    amount_fen: Money.fromYuan(input.amount).toFen(),
    expense_date: input.expenseDate,
    status: 'applied',
    recoverable: input.recoverable,
    source_plugin: extra.source?.plugin ?? null,
    source_kind: extra.source?.kind ?? null,
    source_id: extra.source?.id ?? null,
    source_label: extra.source?.label ?? null,
    source_link: extra.source?.link ?? null,
    request_key: extra.requestKey ?? null,
    remark: input.remark ?? null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  })
  const expenseNo = `FY${context.today.replaceAll('-', '')}${String(id).padStart(6, '0')}`
  await trx.from(TABLE).where('id', id).update({ expense_no: expenseNo })
  if (loans.length)
    await trx.table(LOANS_TABLE).multiInsert(loans.map((l) => ({ expense_id: id, loan_id: l.id })))
  await record(trx, actor, {
    action: 'create',
    id: Number(id),
    after: { expenseNo, ...facts(input), source: extra.source ?? null },
  })
  await submit(
    trx,
    {
      id: Number(id),
      expenseNo,
      amount: input.amount,
      customerName: customer.name,
      feeKind: input.feeKind,
    },
    actor,
    context,
    false
  )
  return (await loadExpense(Number(id), { client: trx }))!
}

export async function locked(trx: TransactionClientContract, id: number) {
  const row = await trx.from(TABLE).where('id', id).forUpdate().first()
  if (!row) throw new ExpenseError(404, `费用 ${id} 不存在`, `Expense ${id} not found`)
  return row
}

export const refuse = (zh: string, en: string) => new ExpenseError(409, zh, en)

/** Edits a returned (or withdrawn) application and submits it again. */
export async function resubmitExpense(
  trx: TransactionClientContract,
  id: number,
  input: ExpenseInput,
  actor: Actor,
  context: WriteContext
): Promise<Expense> {
  const row = await locked(trx, id)
  if (!(EDITABLE as readonly string[]).includes(row.status))
    throw refuse(
      `费用 ${row.expense_no} 当前状态不能修改（仅退回或撤回的申请可修改后重新提交）`,
      `Expense ${row.expense_no} cannot be edited in its status`
    )
  checkDates(input, context.today)
  const before = (await loadExpense(id, { client: trx }))!
  const { customer, loans, orgId, managerId } = await resolveBook(trx, input, actor)
  await trx
    .from(TABLE)
    .where('id', id)
    .update({
      fee_kind: input.feeKind,
      customer_id: customer.id,
      org_id: orgId,
      manager_id: managerId,
      payer: input.payer,
      payee: input.payee,
      amount_fen: Money.fromYuan(input.amount).toFen(),
      expense_date: input.expenseDate,
      recoverable: input.recoverable,
      remark: input.remark ?? null,
      status: 'applied',
      updated_by: actor.userId,
      updated_at: dbNow(),
    })
  await trx.from(LOANS_TABLE).where('expense_id', id).delete()
  if (loans.length)
    await trx.table(LOANS_TABLE).multiInsert(loans.map((l) => ({ expense_id: id, loan_id: l.id })))
  await record(trx, actor, {
    action: 'update',
    id,
    before: {
      ...facts({ ...before, loanIds: before.loans.map((l) => l.loanId) }),
      status: row.status,
    },
    after: facts(input),
  })
  // A returned approval continues as its next round; a withdrawn one starts afresh.
  await submit(
    trx,
    {
      id,
      expenseNo: row.expense_no,
      amount: input.amount,
      customerName: customer.name,
      feeKind: input.feeKind,
    },
    actor,
    context,
    row.status === 'returned'
  )
  return (await loadExpense(id, { client: trx }))!
}

/** The workflow's decision on an application (workflow/expense_handler.ts). */
export async function decideExpense(
  trx: TransactionClientContract,
  id: number,
  to: 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'applied',
  actorId: number
) {
  const row = await locked(trx, id)
  const from = to === 'applied' ? EDITABLE : ['applied']
  if (!(from as readonly string[]).includes(row.status))
    throw refuse(
      `费用 ${row.expense_no} 不在审批中（当前状态 ${row.status}）`,
      `Expense ${row.expense_no} is not under approval`
    )
  await trx
    .from(TABLE)
    .where('id', id)
    .update({ status: to, updated_by: actorId, updated_at: dbNow() })
}

export { record as auditExpense }
