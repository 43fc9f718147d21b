/*
| 数据中台's risk-loan feed, simulated from the demo bank: every loan the
| platform has handed over (ca_risk_assets, still managed) or would hand over
| today by the bank's rule (credit-assets rules/handover.ts with the
| parameter credit-assets.handover.overdueDays), with its facts from ca_loans.
|
| Because the simulator and the app read the same book, the feed alone would
| never differ from it. `override` lets a test or a demo say "the warehouse now
| reports this loan as 可疑 / with this balance / at that branch": the feed
| reports the override until `reset`, so the daily sync has real changes to import.
*/
import { settings } from '#core/settings/settings'
import { handoverSql } from '../../credit-assets/rules/handover.js'
import { BAD_CLASSES, type Client, dateText, fen } from './bank_rows.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export interface PlatformOverride {
  fiveClass?: string
  balanceFen?: string
  overdueDays?: number
  orgCode?: string
  managerNo?: string | null
}

const FIELDS = ['fiveClass', 'balanceFen', 'overdueDays', 'orgCode', 'managerNo'] as const

/** Checks a control request's override; throws a message for a 400. */
export function parseOverride(body: any): { loanNo: string; change: PlatformOverride } {
  const loanNo = String(body?.loanNo ?? '')
  if (!loanNo) throw new Error('loanNo 必填')
  const change: PlatformOverride = {}
  for (const field of FIELDS) if (body[field] !== undefined) (change as any)[field] = body[field]
  if (change.balanceFen !== undefined && !/^\d+$/.test(String(change.balanceFen)))
    throw new Error('balanceFen 须为分（整数文本）')
  if (change.overdueDays !== undefined && !Number.isSafeInteger(change.overdueDays))
    throw new Error('overdueDays 须为整数')
  return { loanNo, change }
}

export class RiskLoanFeed {
  private overrides = new Map<string, PlatformOverride>()

  constructor(private client: () => Client) {}

  override(loanNo: string, change: PlatformOverride) {
    this.overrides.set(loanNo, { ...this.overrides.get(loanNo), ...change })
  }

  reset() {
    this.overrides.clear()
  }

  async page(businessDate: string, after: string | null, limit: number) {
    const threshold = await settings.integer('credit-assets.handover.overdueDays')
    const overridden = [...this.overrides.keys()]
    const query = this.client()
      .from(`${book.loans.table} as l`)
      .leftJoin(`${book.riskAssets.table} as r`, 'r.loan_id', 'l.id')
      .leftJoin('orgs as o', 'o.id', 'l.org_id')
      .leftJoin('users as u', 'u.id', 'l.manager_id')
      .where((q) => {
        q.where((managed) => managed.whereNotNull('r.id').whereNull('r.exited_on')).orWhereRaw(
          `(l.status = 'active' AND ${handoverSql('l', threshold)})`
        )
        if (overridden.length) q.orWhereIn('l.loan_no', overridden)
      })
      .orderBy('l.loan_no')
      .limit(limit)
      .select(
        'l.loan_no',
        'l.five_class',
        this.client().raw('CAST(l.balance_fen AS CHAR) as balance_text'),
        'l.overdue_days',
        'o.code as org_code',
        'u.username as manager_no',
        'r.id as risk_id',
        'r.entered_on'
      )
    if (after !== null) query.where('l.loan_no', '>', after)
    const rows = await query
    const items = []
    for (const row of rows) {
      const o = this.overrides.get(row.loan_no) ?? {}
      const fiveClass = o.fiveClass ?? row.five_class
      const overdueDays = o.overdueDays ?? Number(row.overdue_days)
      const managed = row.risk_id !== null && row.risk_id !== undefined
      // An override may also take a loan out of (or into) today's handover.
      if (!managed && !(BAD_CLASSES.has(fiveClass) || overdueDays > threshold)) continue
      items.push({
        loanNo: row.loan_no,
        reason: BAD_CLASSES.has(fiveClass) ? 'classification' : 'overdue',
        handedOverOn: managed ? dateText(row.entered_on) : businessDate,
        fiveClass,
        balanceFen: fen(o.balanceFen ?? row.balance_text),
        overdueDays,
        orgCode: o.orgCode ?? row.org_code,
        managerNo: o.managerNo !== undefined ? o.managerNo : (row.manager_no ?? null),
      })
    }
    return { items, next: rows.length === limit ? rows[rows.length - 1].loan_no : null }
  }
}
