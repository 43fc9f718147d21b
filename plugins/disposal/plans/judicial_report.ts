/*
| 动态司法流程报告: one customer's judicial timeline as of today — lawsuits and
| executed-person records from 智能预警 (real time, marked with source and fetch
| time, or unavailable), the registered 催收/起诉/判决/执行 events and the
| limitation periods of each loan from 时效管理 (`limitationFor`), and the next
| deadlines to act on. Read-only; the PDF prints exactly this.
*/
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { limitationFor } from '../limitation/limitation_service.js'
import { planBankSystems } from './bank_systems.js'
import { loadPrefill } from './prefill.js'
import { prefillTimeoutMs } from './plan_service.js'
import { scopedCustomers } from './plan_scope.js'

const PERIOD_STATUS: Record<string, string> = {
  running: '计算中',
  expired: '已届满',
  suspended: '中止',
  closed: '已结束',
  exercised: '已行使',
}

export interface TimelineEntry {
  date: string
  kind: string
  title: string
  source: string
  loanNo: string | null
}

export async function judicialReport(access: UserAccess, customerId: number) {
  const customer = await scopedCustomers(access)
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .where('c.id', customerId)
    .select('c.id', 'c.customer_no', 'c.name', 'c.customer_type', 'o.name as org_name')
    .first()
  if (!customer) return null
  const today = await businessDate.current()
  const [loans, [litigation]] = await Promise.all([
    limitationFor({ customerId: Number(customer.id) }, { access, today }),
    loadPrefill(
      { customerNo: customer.customer_no, loans: [] },
      await planBankSystems.get(),
      await prefillTimeoutMs(),
      ['litigation']
    ),
  ])

  const timeline: TimelineEntry[] = []
  for (const alert of litigation.status === 'ok' ? (litigation.data as any[]) : []) {
    timeline.push({
      date: alert.occurredOn,
      kind: alert.kind === 'executed_person' ? '被执行人' : '涉诉',
      title: alert.title,
      source: `智能预警（${alert.source}）`,
      loanNo: null,
    })
  }
  for (const loan of loans) {
    for (const event of loan.events) {
      timeline.push({
        date: event.date,
        kind: event.typeName,
        title: [event.note, event.remark].filter(Boolean).join('；') || event.typeName,
        source: `时效登记（${event.proofRef}）`,
        loanNo: loan.loanNo,
      })
    }
  }
  timeline.sort((a, b) => a.date.localeCompare(b.date))

  const deadlines = loans
    .flatMap((loan) =>
      loan.periods
        .filter((p) => p.status === 'running' && p.end)
        .map((p) => ({
          loanNo: loan.loanNo,
          ruleName: p.ruleName,
          legalBasis: p.legalBasis,
          end: p.end as string,
          subject: p.subject ?? null,
        }))
    )
    .sort((a, b) => a.end.localeCompare(b.end))

  return {
    customer: {
      id: Number(customer.id),
      customerNo: customer.customer_no as string,
      name: customer.name as string,
      orgName: (customer.org_name as string) ?? null,
    },
    asOf: today,
    litigation: {
      status: litigation.status,
      source: litigation.source,
      fetchedAt: litigation.fetchedAt,
      message: litigation.message ?? null,
    },
    timeline,
    loans: loans.map((loan) => ({
      loanId: loan.loanId,
      loanNo: loan.loanNo,
      dueDate: loan.dueDate,
      warnings: loan.warnings,
      periods: loan.periods.map((p) => ({
        ruleName: p.ruleName,
        legalBasis: p.legalBasis,
        base: p.base,
        end: p.end,
        status: p.status,
        statusName: PERIOD_STATUS[p.status] ?? p.status,
        subject: p.subject ?? null,
      })),
    })),
    deadlines,
  }
}
