/*
| Job disposal:demo-seed (demo mode, once per database after credit-assets
| built the book): a few approved 清收 处置预案 for customers who have paid
| after handover — 朝阳支行 first, so 张朝阳客户经理 and 李北京资产 see them —
| then the recovery flow's outcomes (jobs/recovery_outcomes.ts), which link
| to those plans and mark them 已实施. 资产处置台账 therefore opens with
| outcomes, some following to their plan. Plans are written directly (the demo
| has no bank systems to prefill from at seed time) and say so in their reasons.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import type { JobHandler } from '#core/plugins/types'
import { dbNow } from '#core/db/db_time'
import { loanBookFigures, loansAndCustomers, recoveriesAfter } from '../outcomes/credit_assets.js'
import recoveryOutcomes from './recovery_outcomes.js'

const PLANS = 6

const userId = async (username: string) =>
  Number((await db.from('users').where('username', username).select('id').first())?.id ?? 0) || null

async function seedPlans(through: string) {
  const recoveries = await recoveriesAfter(db, 0, through, 5000)
  if (!recoveries.length) return 0
  const firstPaid = new Map<number, string>()
  for (const r of recoveries) if (!firstPaid.has(r.loanId)) firstPaid.set(r.loanId, r.paidOn)
  const { loans, customers } = await loansAndCustomers(db, [...firstPaid.keys()])
  const chaoyang = await db.from('orgs').where('code', '110101').select('id').first()
  const ordered = [...customers].sort(
    (a, b) =>
      Number(b.orgId === Number(chaoyang?.id)) - Number(a.orgId === Number(chaoyang?.id)) ||
      a.id - b.id
  )
  const applicant = (await userId('bj_cy_am')) ?? (await userId('admin'))
  const approver = (await userId('bj_asset')) ?? applicant
  let made = 0
  for (const customer of ordered.slice(0, PLANS)) {
    const ids = loans.filter((l) => l.customerId === customer.id).map((l) => l.id)
    const figures = await loanBookFigures(db, ids)
    const earliest = ids.map((id) => firstPaid.get(id)!).sort()[0]
    const decided = DateTime.fromISO(earliest).minus({ days: 10 })
    const at = `${decided.toISODate()} 10:00:00`
    const principal = Money.sum(figures.map((f) => Money.fromFen(f.balanceFen)))
    await db.transaction(async (trx) => {
      const [id] = await trx.table('disposal_plans').insert({
        plan_no: `DEMO-${customer.id}-${Date.now()}`,
        customer_id: customer.id,
        customer_no: customer.customerNo,
        customer_name: customer.name,
        org_id: customer.orgId,
        created_by: applicant,
        method: 'collection',
        principal_fen: principal.toFen(),
        interest_fen: '0',
        expected_recovery_fen: principal.times('0.6', 'HALF_UP').toFen(),
        reasons: '（演示数据）借款人仍有经营收入，已签订还款计划，拟通过催收清收回款。',
        status: 'approved',
        prefill_json: '[]',
        submitted_at: at,
        decided_at: at,
        created_at: at,
        updated_at: dbNow(),
      })
      const planId = Number(id)
      const planNo = `CZYA${decided.toFormat('yyyyMMdd')}${String(planId).padStart(6, '0')}`
      await trx.from('disposal_plans').where('id', planId).update({ plan_no: planNo })
      await trx.table('disposal_plan_loans').multiInsert(
        figures.map((f) => ({
          plan_id: planId,
          loan_id: f.loanId,
          loan_no: f.loanNo,
          principal_fen: f.balanceFen,
          interest_fen: '0',
          five_class: f.fiveClass,
          overdue_days: f.overdueDays,
          figures_source: 'book',
        }))
      )
      // The timeline as the workflow would have written it, on the plan's dates.
      await trx.table('disposal_plan_events').multiInsert(
        (
          [
            ['created', null, 'draft', applicant],
            ['submitted', 'draft', 'pending', applicant],
            ['approved', 'pending', 'approved', approver],
          ] as const
        ).map(([eventType, from, to, actor]) => ({
          plan_id: planId,
          event_type: eventType,
          from_status: from,
          to_status: to,
          actor_id: actor,
          comment: null,
          created_at: at,
        }))
      )
    })
    made++
  }
  return made
}

const demoSeed: JobHandler = async (ctx) => {
  const through = await businessDate.current()
  const plans = await seedPlans(through)
  const outcomes = await recoveryOutcomes({ ...ctx, payload: { through } })
  return { plans, outcomes }
}
export default demoSeed
