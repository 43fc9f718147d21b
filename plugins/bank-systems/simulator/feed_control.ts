/*
| Control endpoints that make a feed report something from now on (until reset):
|   POST /__sim/data-platform/loans          数据中台's view of one loan (risk_loan_feed.ts)
|   POST /__sim/core-banking/transactions    a recovery transaction of 核心系统 (recovery_feed.ts)
*/
import { parseOverride, type RiskLoanFeed } from './risk_loan_feed.js'
import { parseInjected, type RecoveryFeed } from './recovery_feed.js'

export function feedControl(
  method: string,
  path: string,
  body: any,
  riskLoanFeed: RiskLoanFeed,
  recoveryFeed: RecoveryFeed
) {
  if (method === 'POST' && path === '/__sim/data-platform/loans') {
    try {
      const { loanNo, change } = parseOverride(body)
      riskLoanFeed.override(loanNo, change)
      return { status: 200, body: { ok: true } }
    } catch (error) {
      return { status: 400, body: { message: (error as Error).message } }
    }
  }
  if (method === 'POST' && path === '/__sim/core-banking/transactions') {
    try {
      recoveryFeed.inject(parseInjected(body))
      return { status: 200, body: { ok: true } }
    } catch (error) {
      return { status: 400, body: { message: (error as Error).message } }
    }
  }
  return null
}
