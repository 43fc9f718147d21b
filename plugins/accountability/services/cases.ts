/*
| 责任认定 cases: registered for a customer's loss in the caller's scope (the
| customer and every loan read through credit-assets' book_api with the
| caller's access), submitted for approval in the same transaction, and read
| back in scope (the customer's org and 管户人 at registration; out of scope = 404).
| Rules across fields answer 422 on the field, like VineJS:
| - a person is a user of the bank (userId) or a free name, never neither;
| - 经济处罚 needs its amount, and only 经济处罚 has one;
| - the loans are the customer's; the determination is not before the loss.
*/
import db from '@adonisjs/lucid/services/db'
import { errors } from '@vinejs/vine'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { decimalText } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { submitForApproval } from '#core/workflow/submit'
import { bookApi } from '../../credit-assets/services/book_api.js'

export const CASES = 'accountability_cases'
export const LOANS = 'accountability_loans'
export const PERSONS = 'accountability_persons'
export const IMAGES = 'accountability_images'
export const FINE = 'fine'

export interface PersonInput {
  userId?: number | null
  name?: string
  role: string
  finding: string
  penalty: string
  penaltyAmount?: string | null
  penaltyOn?: string | null
}
export interface CaseInput {
  customerId: number
  loanIds: number[]
  lossAmount: string
  lossOn: string
  determinedOn: string
  findings: string
  persons: PersonInput[]
}

export function scopedCases(access: UserAccess) {
  return applyDataScope(db.from(`${CASES} as c`), access, {
    orgColumn: 'c.org_id',
    ownerColumn: 'c.manager_id',
  })
}

const refuse = (field: string, zh: string, en: string) =>
  new errors.E_VALIDATION_ERROR([{ field, rule: 'accountability', message: `${zh} / ${en}` }])

export const casePlain = (r: any) => ({
  id: Number(r.id),
  customerId: Number(r.customer_id),
  customerNo: r.customer_no,
  customerName: r.customer_name,
  orgName: r.org_name ?? null,
  lossAmount: decimalText(r.loss_amount, 2),
  lossOn: dateText(r.loss_on),
  determinedOn: dateText(r.determined_on),
  findings: r.findings,
  status: r.status,
  decidedOn: r.decided_on ? dateText(r.decided_on) : null,
  createdBy: r.created_by_name ?? null,
  createdAt: new Date(r.created_at).toISOString(),
})

/** Checks and names the persons: a user must exist (their real name is kept). */
async function personsOf(persons: PersonInput[]) {
  const out = []
  for (const [i, p] of persons.entries()) {
    let name = p.name ?? ''
    if (p.userId) {
      const user = await db.from('users').where('id', p.userId).select('real_name').first()
      if (!user) throw refuse(`persons.${i}.userId`, '用户不存在', 'No such user')
      name = user.real_name
    }
    if (!name)
      throw refuse(`persons.${i}.name`, '请选择用户或填写姓名', 'Choose a user or enter a name')
    const amount = p.penaltyAmount ?? null
    if (p.penalty === FINE && !amount)
      throw refuse(
        `persons.${i}.penaltyAmount`,
        '经济处罚须填写处罚金额',
        'A fine needs its amount'
      )
    if (p.penalty !== FINE && amount)
      throw refuse(
        `persons.${i}.penaltyAmount`,
        '只有经济处罚有处罚金额',
        'Only a fine has an amount'
      )
    out.push({ ...p, name, penaltyAmount: amount })
  }
  return out
}

export async function registerCase(access: UserAccess, input: CaseInput) {
  const customer = await bookApi.customers.byId(input.customerId, { access })
  if (!customer)
    throw refuse('customerId', '客户不存在或不在您的数据权限内', 'No such customer in your scope')
  const loans = await bookApi.loans.search(
    { ids: input.loanIds, customerId: customer.id, perPage: 200 },
    { access }
  )
  if (loans.data.length !== input.loanIds.length)
    throw refuse(
      'loanIds',
      '借据不属于该客户或不在您的数据权限内',
      'A loan is not the customer’s or not in your scope'
    )
  if (input.determinedOn < input.lossOn)
    throw refuse(
      'determinedOn',
      '认定日期不能早于损失确认日期',
      'The determination cannot precede the loss'
    )
  const persons = await personsOf(input.persons)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table(CASES).insert({
      customer_id: customer.id,
      customer_no: customer.customerNo,
      customer_name: customer.name,
      org_id: customer.orgId,
      manager_id: customer.managerId,
      loss_amount: input.lossAmount,
      loss_on: input.lossOn,
      determined_on: input.determinedOn,
      findings: input.findings,
      status: 'pending',
      created_by: access.user.id,
      created_at: now,
      updated_at: now,
    })
    await trx
      .table(LOANS)
      .multiInsert(loans.data.map((l) => ({ case_id: id, loan_id: l.id, loan_no: l.loanNo })))
    await trx.table(PERSONS).multiInsert(
      persons.map((p) => ({
        case_id: id,
        user_id: p.userId ?? null,
        name: p.name,
        role: p.role,
        finding: p.finding,
        penalty: p.penalty,
        penalty_amount: p.penaltyAmount,
        penalty_on: p.penaltyOn ?? null,
      }))
    )
    const { instanceId } = await submitForApproval({
      type: 'accountability:case',
      businessId: String(id),
      title: `责任认定 ${customer.name}（损失 ${input.lossAmount} 元）`,
      amount: input.lossAmount,
      applicantId: access.user.id,
      orgId: customer.orgId,
      trx,
    })
    return { id: Number(id), instanceId }
  })
}

/** The case with its loans, persons and images; null when missing or out of scope. */
export async function caseDetail(access: UserAccess, id: number) {
  const row = await scopedCases(access)
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .where('c.id', id)
    .select('c.*', 'o.name as org_name', 'u.real_name as created_by_name')
    .first()
  if (!row) return null
  const [loans, persons, images] = await Promise.all([
    db.from(LOANS).where('case_id', id).orderBy('id'),
    db.from(PERSONS).where('case_id', id).orderBy('id'),
    imagesOf(id),
  ])
  return {
    ...casePlain(row),
    loans: loans.map((l) => ({ loanId: Number(l.loan_id), loanNo: l.loan_no })),
    persons: persons.map((p) => ({
      id: Number(p.id),
      userId: p.user_id === null ? null : Number(p.user_id),
      name: p.name,
      role: p.role,
      finding: p.finding,
      penalty: p.penalty,
      penaltyAmount: p.penalty_amount === null ? null : decimalText(p.penalty_amount, 2),
      penaltyOn: p.penalty_on ? dateText(p.penalty_on) : null,
    })),
    images,
  }
}

export async function imagesOf(caseId: number) {
  const rows = await db.from(IMAGES).where('case_id', caseId).orderBy('id')
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    docNo: r.doc_no,
    url: r.url,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}
