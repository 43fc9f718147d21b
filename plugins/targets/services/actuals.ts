/*
| What counts as done (完成金额), computed from credit-assets for an org's whole
| subtree over a target period:
|
| - 清收 (recovery): cash recovered on risk assets — principal + interest +
|   penalty of ca_repayments on loans under risk-asset management, paid on or
|   after the loan's 风险起始日 (credit-assets services/risk_since.ts: the
|   earlier of handover and first 不良 classification; earlier payments were
|   ordinary repayments, not recoveries) and inside the period.
| - 压降 (reduction): the principal part of the same repayments — the amount
|   by which the risk-asset balance came down through recovery.
|   Write-offs (核销) and transfers (转让) also reduce the balance; they will add
|   here when the disposal plugin records them. Until then 压降 ≤ 清收.
|
| The loan's booking org (ca_loans.org_id) decides whose result it is.
| One grouped query per distinct (org, period), never a query per loan.
*/
import db from '@adonisjs/lucid/services/db'
import { Money } from '#core/money/money'
import { joinRiskSince, riskSinceSql } from '../../credit-assets/services/risk_since.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { periodRange, type Period, type TargetKind } from './periods.js'

export interface ActualKey {
  orgPath: string
  year: number
  period: Period
}

export interface Actual {
  reduction: Money
  recovery: Money
}

const keyOf = (k: ActualKey) => `${k.orgPath}|${k.year}|${k.period}`

export async function actualsFor(keys: ActualKey[]): Promise<Map<string, Actual>> {
  const unique = new Map(keys.map((k) => [keyOf(k), k]))
  const result = new Map<string, Actual>()
  await Promise.all(
    [...unique.entries()].map(async ([key, k]) => {
      const { from, to } = periodRange(k.year, k.period)
      const row = await joinRiskSince(
        db
          .from(book.repayments.as('p'))
          .join(book.riskAssets.as('r'), 'r.loan_id', 'p.loan_id')
          .join(book.loans.as('l'), 'l.id', 'p.loan_id')
          .join('orgs as o', 'o.id', 'l.org_id')
      )
        .where('o.path', 'like', `${k.orgPath}%`)
        .whereBetween('p.paid_on', [from, to])
        .whereRaw(`p.paid_on >= ${riskSinceSql()}`)
        .select(
          db.raw('CAST(COALESCE(SUM(p.principal_fen), 0) AS CHAR) as principal_fen'),
          db.raw(
            'CAST(COALESCE(SUM(p.principal_fen + p.interest_fen + p.penalty_fen), 0) AS CHAR) as cash_fen'
          )
        )
        .first()
      result.set(key, {
        reduction: Money.fromFen(String(row?.principal_fen ?? '0')),
        recovery: Money.fromFen(String(row?.cash_fen ?? '0')),
      })
    })
  )
  return result
}

export const actualOf = (actuals: Map<string, Actual>, k: ActualKey, kind: TargetKind): Money =>
  actuals.get(keyOf(k))?.[kind] ?? Money.zero()
