/*
| Job expenses:demo-seed (demo mode, once per database after credit-assets built
| the book): a dozen fees on managed risk assets — 朝阳支行 first, so 张朝阳客户经理
| and 李北京资产 see them — through the same service as the console (numbered,
| approved up to the 审批金额, audited); about half paid (their postings go to
| the demo's core banking through the outbox) and a few recovered from the
| debtor. 费用管理 and 费用台账 therefore open with rows in every status.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { JobHandler } from '#core/plugins/types'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { createExpense, writeContext, type Actor } from '../expense/expense_write.js'
import { payExpense, recoverExpense } from '../expense/expense_settle.js'

const FEES: Array<{ feeKind: string; payee: string; amount: string; recoverable: boolean }> = [
  {
    feeKind: 'acceptance_fee',
    payee: '北京市朝阳区人民法院',
    amount: '8862.00',
    recoverable: true,
  },
  {
    feeKind: 'preservation_fee',
    payee: '北京市朝阳区人民法院',
    amount: '5000.00',
    recoverable: true,
  },
  {
    feeKind: 'lawyer_fee',
    payee: '北京市中伦律师事务所（演示）',
    amount: '9800.00',
    recoverable: false,
  },
  { feeKind: 'announcement_fee', payee: '人民法院报社', amount: '560.00', recoverable: true },
  {
    feeKind: 'appraisal_fee',
    payee: '北京某资产评估有限公司（演示）',
    amount: '6200.00',
    recoverable: true,
  },
  { feeKind: 'execution_fee', payee: '北京市朝阳区人民法院', amount: '3475.50', recoverable: true },
]
const COUNT = 12

const userOf = async (username: string) =>
  db.from('users').where('username', username).select('id', 'org_id').first()

const handler: JobHandler = async ({ progress }) => {
  const chaoyang = await db.from('orgs').where('code', '110101').select('id').first()
  const loans = await db
    .from(book.riskAssets.as('ra'))
    .join(book.loans.as('l'), 'l.id', 'ra.loan_id')
    .where('ra.status', 'managed')
    .orderByRaw('CASE WHEN l.org_id = ? THEN 0 ELSE 1 END', [Number(chaoyang?.id ?? 0)])
    .orderBy('l.id')
    .limit(COUNT)
    .select('l.id', 'l.customer_id')
  const user = (await userOf('bj_cy_am')) ?? (await userOf('admin'))
  if (!loans.length || !user) return { created: 0 }
  const actor: Actor = { userId: Number(user.id), orgId: Number(user.org_id) }
  const context = await writeContext()
  const today = DateTime.fromISO(context.today)
  let created = 0
  for (const [i, loan] of loans.entries()) {
    const fee = FEES[i % FEES.length]
    const expenseDate = today.minus({ days: 60 - i * 4 }).toISODate()!
    await db.transaction(async (trx) => {
      const expense = await createExpense(
        trx,
        {
          ...fee,
          customerId: Number(loan.customer_id),
          loanIds: [Number(loan.id)],
          payer: '本行',
          expenseDate,
          remark: '（演示数据）',
        },
        actor,
        context
      )
      if (i % 2 === 0) {
        const paidOn = today.minus({ days: 50 - i * 4 }).toISODate()!
        await payExpense(trx, expense.id, { paidOn }, actor, context)
        if (fee.recoverable && i % 4 === 0)
          await recoverExpense(
            trx,
            expense.id,
            { recoveredOn: today.minus({ days: 5 }).toISODate()! },
            actor,
            context
          )
      }
    })
    created++
    await progress((created / loans.length) * 100, `${created}/${loans.length}`)
  }
  return { created }
}

export default handler
