/*
| The debt a receipt settles, per loan and bucket, as of the business date:
| core banking's balances (bank-systems' `loan-balance`) — principal, 正常利息,
| 逾期利息, 罚息, 复利. When core banking cannot answer, disposal's 利息试算
| (services/interest_api.ts) replays the loan to the date instead; the receipt
| records which source it used (`core` / `trial`).
*/
import logger from '@adonisjs/core/services/logger'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'
import { interestTrialForLoan } from '../../disposal/services/interest_api.js'
import type { Buckets } from './allocation.js'

let override: BankSystems | null = null
/** Tests may put a fake bank system in (like relief's reliefBankSystems). */
export const foreclosureBankSystems = {
  use: (systems: BankSystems) => void (override = systems),
  restore: () => void (override = null),
  async get(): Promise<BankSystems> {
    if (override) return override
    return (await import('../../bank-systems/adapters/index.js')).bankSystems
  },
}

const y = (text: string) => Money.fromYuan(text)

export async function owedBuckets(
  access: UserAccess,
  loan: { id: number; loanNo: string },
  asOf: string
): Promise<{ buckets: Buckets; source: 'core' | 'trial' }> {
  try {
    const b = await (await foreclosureBankSystems.get()).coreBanking.loanBalance(loan.loanNo)
    return {
      source: 'core',
      buckets: {
        principal: y(b.principal),
        normal_interest: y(b.normalInterest),
        overdue_interest: y(b.overdueInterest),
        penalty: y(b.penaltyInterest),
        compound: y(b.compoundInterest),
      },
    }
  } catch (error) {
    logger.warn({ err: error, loanNo: loan.loanNo }, 'core banking balance unavailable: trial')
  }
  const { result } = await interestTrialForLoan(access, loan.id, asOf)
  return {
    source: 'trial',
    buckets: {
      principal: y(result.notDuePrincipal).plus(y(result.overduePrincipal)),
      normal_interest: y(result.accruedInterest),
      overdue_interest: y(result.overdueInterest),
      penalty: y(result.penaltyInterest),
      compound: y(result.compoundInterest),
    },
  }
}
