/*
| 减免方案's input checked against the book: the customer and loans in scope,
| each bucket's relief ≤ what core banking or 利息试算 says is owed, 应还金额 +
| relief ≤ owed, the guarantor a 保证人 of the loans, the schedule adding up
| (422s naming the field). Then the rows a plan writes (loans, instalments,
| the plan's columns). The business rules (plan/rules.ts) are checked at 提交.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { bookApi } from '../../credit-assets/services/book_api.js'
import {
  BUCKETS,
  BUCKET_COLUMN,
  DEFAULT_ORDER,
  INTEREST_BUCKETS,
  zeroAmounts,
  type Bucket,
} from './buckets.js'
import { loanBuckets } from './prefill.js'
import { ReliefError } from './relief_error.js'

export const fen = (yuan: string) => BigInt(Money.fromYuan(yuan).toFen())
export const toYuan = (value: bigint) => Money.fromFen(value.toString()).toYuan()

export interface PlanInput {
  debtorRole: 'borrower' | 'guarantor'
  customerId: number
  guaranteeId?: number | null
  releasesBorrower?: boolean
  planDate: string
  bucketSource: 'core' | 'trial'
  bucketDate: string
  allocationOrder?: Bucket[]
  loans: { loanId: number; relief: Record<Bucket, string> }[]
  payAmount: string
  paymentMode: 'single' | 'instalments'
  instalments: { dueDate: string; amount: string }[]
  conditions?: string | null
}

/** Checks the input against the book and the loans' buckets; returns the rows to write. */
export async function prepare(access: UserAccess, input: PlanInput) {
  const customer = await bookApi.customers.byId(input.customerId, { access })
  if (!customer)
    throw new ReliefError(
      422,
      '客户不存在或不在您的数据权限内',
      'No such customer in your scope',
      'customerId'
    )
  let guarantor: { id: number; name: string; customerId: number | null } | null = null
  const loans = []
  let owed = 0n
  let interestOwed = 0n
  const reliefTotals = zeroAmounts()
  for (const [n, item] of input.loans.entries()) {
    const b = await loanBuckets(access, item.loanId, input.bucketSource, input.bucketDate).catch(
      (error) => {
        if (error?.status === 404)
          throw new ReliefError(
            422,
            '借据不存在或不在您的数据权限内',
            'No such loan in your scope',
            `loans.${n}.loanId`
          )
        throw error
      }
    )
    if (b.customerId !== input.customerId)
      throw new ReliefError(
        422,
        '借据不属于该借款人',
        'The loan is not the customer’s',
        `loans.${n}.loanId`
      )
    const owedAmounts = zeroAmounts()
    const reliefAmounts = zeroAmounts()
    for (const bucket of BUCKETS) {
      owedAmounts[bucket] = fen(b.owed[bucket])
      reliefAmounts[bucket] = fen(item.relief[bucket])
      if (reliefAmounts[bucket] > owedAmounts[bucket])
        throw new ReliefError(
          422,
          `减免金额不得超过欠款（${b.owed[bucket]} 元）`,
          `Relief above what is owed (${b.owed[bucket]})`,
          `loans.${n}.relief.${bucket}`
        )
      owed += owedAmounts[bucket]
      if (bucket !== 'principal') interestOwed += owedAmounts[bucket]
      reliefTotals[bucket] += reliefAmounts[bucket]
    }
    loans.push({ ...b, owedAmounts, reliefAmounts })
  }
  if (input.debtorRole === 'guarantor') {
    if (!input.guaranteeId)
      throw new ReliefError(422, '请选择保证人', 'Choose the guarantor', 'guaranteeId')
    const guarantees = await bookApi.guarantees.byKeys(
      loans.map((l) => l.loanId),
      { access }
    )
    const match = guarantees.find(
      (g) => g.id === input.guaranteeId && g.guaranteeType === 'guaranty'
    )
    if (!match)
      throw new ReliefError(
        422,
        '该保证人未为所选借据提供保证',
        'Not a guarantor of these loans',
        'guaranteeId'
      )
    guarantor = {
      id: match.id,
      name: match.guarantorName,
      customerId: match.guarantorCustomerId ?? null,
    }
  }
  const relief = BUCKETS.reduce((t, b) => t + reliefTotals[b], 0n)
  const pay = fen(input.payAmount)
  if (relief <= 0n)
    throw new ReliefError(422, '请填写减免金额', 'Enter the amounts relieved', 'loans')
  if (pay + relief > owed)
    throw new ReliefError(
      422,
      `应还金额与减免金额之和不得超过欠款合计 ${toYuan(owed)} 元`,
      'Payment plus relief exceed the debt',
      'payAmount'
    )
  if (input.paymentMode === 'single' && input.instalments.length !== 1)
    throw new ReliefError(
      422,
      '一次性还款只能有一期',
      'A single payment has one instalment',
      'instalments'
    )
  const scheduled = input.instalments.reduce((t, i) => t + fen(i.amount), 0n)
  if (scheduled !== pay)
    throw new ReliefError(
      422,
      `分期金额合计 ${toYuan(scheduled)} 元须等于应还金额`,
      'The instalments must add up to the amount to pay',
      'instalments'
    )
  for (const [n, i] of input.instalments.entries()) {
    if (i.dueDate < input.planDate || (n > 0 && i.dueDate <= input.instalments[n - 1].dueDate))
      throw new ReliefError(
        422,
        '到期日须不早于方案日且逐期递增',
        'Due dates must follow the plan date, in order',
        `instalments.${n}.dueDate`
      )
  }
  return { loans, owed, interestOwed, reliefTotals, relief, pay, guarantor }
}

export async function writeChildren(
  trx: TransactionClientContract,
  planId: number,
  input: PlanInput,
  prepared: Awaited<ReturnType<typeof prepare>>
) {
  await trx.from('relief_plan_loans').where('plan_id', planId).delete()
  await trx.from('relief_instalments').where('plan_id', planId).delete()
  for (const l of prepared.loans) {
    const row: Record<string, unknown> = {
      plan_id: planId,
      loan_id: l.loanId,
      loan_no: l.loanNo,
      five_class: l.fiveClass,
    }
    for (const b of BUCKETS) {
      row[`${BUCKET_COLUMN[b]}_owed_fen`] = l.owedAmounts[b].toString()
      row[`${BUCKET_COLUMN[b]}_relief_fen`] = l.reliefAmounts[b].toString()
    }
    await trx.table('relief_plan_loans').insert(row)
  }
  for (const [n, i] of input.instalments.entries())
    await trx.table('relief_instalments').insert({
      plan_id: planId,
      seq: n + 1,
      due_date: i.dueDate,
      amount_fen: Money.fromYuan(i.amount).toFen(),
      paid_fen: 0,
    })
}

export function planColumns(input: PlanInput, p: Awaited<ReturnType<typeof prepare>>) {
  const reliefInterest = INTEREST_BUCKETS.reduce((t, b) => t + p.reliefTotals[b], 0n)
  return {
    debtor_role: input.debtorRole,
    customer_id: input.customerId,
    guarantee_id: p.guarantor?.id ?? null,
    guarantor_customer_id: p.guarantor?.customerId ?? null,
    guarantor_name: p.guarantor?.name ?? null,
    releases_borrower: input.debtorRole === 'guarantor' ? Boolean(input.releasesBorrower) : true,
    plan_date: input.planDate,
    bucket_source: input.bucketSource,
    bucket_date: input.bucketDate,
    allocation_order: JSON.stringify(input.allocationOrder ?? DEFAULT_ORDER),
    owed_fen: p.owed.toString(),
    interest_owed_fen: p.interestOwed.toString(),
    relief_fen: p.relief.toString(),
    relief_interest_fen: reliefInterest.toString(),
    relief_principal_fen: p.reliefTotals.principal.toString(),
    pay_fen: p.pay.toString(),
    payment_mode: input.paymentMode,
    conditions: input.conditions ?? null,
    updated_at: dbNow(),
  }
}
