/*
| 定期检查 task generation (job inspections:generate-tasks, daily, and 立即生成 on
| 检查计划): for each active plan, the current period of its frequency, and every
| customer with an active loan of the plan's five-class and balance band in the
| plan org's subtree, one task — unique per (plan, customer, period), so running
| again the same day or period adds nothing. Assignee: see assignees.ts. The
| due date is the period's last day on the holiday calendar, registered with the
| core deadline engine (reminders before, and when overdue).
*/
import db from '@adonisjs/lucid/services/db'
import { workingDays } from '#core/holidays/working_days'
import { businessDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { assigneeResolver } from './assignees.js'
import { taskDeadline } from './deadlines.js'
import { periodOf, type Frequency } from './periods.js'

const CHUNK = 500

/** Customers a plan covers today (its org's subtree, five-class, balance band). */
export async function planCustomers(plan: any) {
  const org = await db.from('orgs').where('id', plan.org_id).select('path').first()
  const q = db
    .from(book.loans.as('l'))
    .join(book.customers.as('c'), 'c.id', 'l.customer_id')
    .where('l.status', 'active')
    .whereIn(
      'c.org_id',
      db
        .from('orgs')
        .where('path', 'like', `${org?.path ?? '/'}%`)
        .select('id')
    )
  if (plan.five_class) q.where('l.five_class', plan.five_class)
  if (plan.min_balance_fen !== null) q.where('l.balance_fen', '>=', plan.min_balance_fen)
  if (plan.max_balance_fen !== null) q.where('l.balance_fen', '<=', plan.max_balance_fen)
  return q
    .groupBy('c.id', 'c.customer_no', 'c.name', 'c.org_id', 'c.manager_id')
    .orderBy('c.id')
    .select('c.id', 'c.customer_no', 'c.name', 'c.org_id', 'c.manager_id')
}

export async function generateTasks(
  options: { planId?: number; asOf?: string } = {},
  progress: (percent: number, message?: string) => Promise<void> = async () => {}
) {
  const asOf = options.asOf ?? (await businessDate.current())
  const plans = await db
    .from('insp_plans')
    .where('status', 'active')
    .if(options.planId, (q) => q.where('id', options.planId!))
    .orderBy('id')
  const resolver = assigneeResolver()
  let created = 0
  let unassigned = 0
  for (const [index, plan] of plans.entries()) {
    const period = periodOf(plan.frequency as Frequency, asOf)
    const dueOn = await workingDays.periodEnd(period.end)
    // Customers who already have this period's task are not looked at again (no assignee lookups).
    const have = new Set(
      (
        await db
          .from('insp_tasks')
          .where('plan_id', plan.id)
          .where('period_key', period.key)
          .select('customer_id')
      ).map((t) => Number(t.customer_id))
    )
    const customers = (await planCustomers(plan)).filter((c) => !have.has(Number(c.id)))
    for (let start = 0; start < customers.length; start += CHUNK) {
      const chunk = customers.slice(start, start + CHUNK)
      const now = dbNow()
      const rows: Record<string, unknown>[] = []
      for (const c of chunk) {
        const assignee = await resolver.resolve({
          orgId: Number(c.org_id),
          managerId: c.manager_id === null ? null : Number(c.manager_id),
        })
        rows.push({
          task_no: `DQ${plan.id}-${period.key}-${c.id}`,
          kind: 'periodic',
          plan_id: plan.id,
          period_key: period.key,
          customer_id: c.id,
          customer_no: c.customer_no,
          customer_name: c.name,
          items: plan.items,
          assignee_id: assignee,
          due_on: dueOn,
          status: 'open',
          org_id: c.org_id,
          manager_id: c.manager_id,
          created_at: now,
          updated_at: now,
        })
      }
      await db.transaction(async (trx) => {
        const numbers = rows.map((r) => String(r.task_no))
        const before = new Set(
          (await trx.from('insp_tasks').whereIn('task_no', numbers).select('task_no')).map(
            (t) => t.task_no as string
          )
        )
        await trx
          .knexQuery()
          .table('insp_tasks')
          .insert(rows)
          .onConflict(['plan_id', 'customer_id', 'period_key'])
          .ignore()
        // The rows this run added (an existing task keeps its deadline as it is).
        const added = (await trx.from('insp_tasks').whereIn('task_no', numbers)).filter(
          (t) => !before.has(t.task_no)
        )
        for (const t of added) {
          await taskDeadline(trx, {
            id: Number(t.id),
            taskNo: t.task_no,
            customerName: t.customer_name,
            dueOn,
            assigneeId: t.assignee_id === null ? null : Number(t.assignee_id),
            orgId: Number(t.org_id),
            managerId: t.manager_id === null ? null : Number(t.manager_id),
          })
          if (t.assignee_id === null) unassigned++
        }
        created += added.length
      })
    }
    await progress(Math.round((100 * (index + 1)) / plans.length))
  }
  await progress(
    100,
    `生成检查任务 ${created} 个${unassigned ? `，其中 ${unassigned} 个无可分配的客户经理` : ''}`
  )
  return { plans: plans.length, created, unassigned }
}
