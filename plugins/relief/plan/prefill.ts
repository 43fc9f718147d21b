/*
| 减免方案's buckets of a loan, as of a date, from one of two sources:
| - core: 核心系统's balances (bank-systems' connector, as disposal's plans read
|   them) — principal, normal + overdue interest, 罚息, 复利 — as of the plan date;
| - trial: disposal's 利息试算 (services/interest_api.ts) replayed to a chosen date.
| Neither source splits interest into 表内/表外: the book's 表外利息 says how much
| of it is off balance (interest beyond it stays on balance).
| Every loan is read in the caller's scope: out of scope is a 404 like a missing one.
*/
import { Exception } from '@adonisjs/core/exceptions'
import logger from '@adonisjs/core/services/logger'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { bookApi, type BookLoan } from '../../credit-assets/services/book_api.js'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'
import { interestTrialForLoan } from '../../disposal/services/interest_api.js'
import { zeroAmounts, type Amounts } from './buckets.js'
import { ReliefError } from './relief_error.js'

let override: BankSystems | null = null
/** Tests may put a fake core banking in (like disposal's planBankSystems). */
export const reliefBankSystems = {
  use: (systems: BankSystems) => void (override = systems),
  restore: () => void (override = null),
  async get(): Promise<BankSystems> {
    if (override) return override
    return (await import('../../bank-systems/adapters/index.js')).bankSystems
  },
}

export interface LoanBuckets {
  loanId: number
  loanNo: string
  customerId: number
  fiveClass: string
  orgId: number
  managerId: number | null
  owed: Record<string, string>
}

const fen = (yuan: string) => BigInt(Money.fromYuan(yuan).toFen())
const yuan = (value: bigint) => Money.fromFen(value.toString()).toYuan()

function split(
  loan: BookLoan,
  principal: bigint,
  interest: bigint,
  penalty: bigint,
  compound: bigint
) {
  const offBook = fen(loan.offBalanceInterest)
  const off = interest < offBook ? interest : offBook
  const amounts: Amounts = {
    ...zeroAmounts(),
    principal,
    penalty,
    compound,
    offInterest: off,
    onInterest: interest - off,
  }
  return amounts
}

export const amountsToYuan = (a: Amounts) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, yuan(v)]))

export async function loanBuckets(
  access: UserAccess,
  loanId: number,
  source: 'core' | 'trial',
  date: string
): Promise<LoanBuckets> {
  const loan = await bookApi.loans.byId(loanId, { access })
  if (!loan) throw new Exception('loan not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
  let amounts: Amounts
  if (source === 'trial') {
    const { result } = await interestTrialForLoan(access, loanId, date)
    amounts = split(
      loan,
      fen(result.notDuePrincipal) + fen(result.overduePrincipal),
      fen(result.accruedInterest) + fen(result.overdueInterest),
      fen(result.penaltyInterest),
      fen(result.compoundInterest)
    )
  } else {
    let balance
    try {
      balance = await (await reliefBankSystems.get()).coreBanking.loanBalance(loan.loanNo)
    } catch (error) {
      logger.warn({ err: error, loanNo: loan.loanNo }, 'core banking balance unavailable')
      throw new ReliefError(
        503,
        '核心系统暂不可用，请稍后重试或改用利息试算',
        'Core banking is unavailable: retry later or use the interest trial'
      )
    }
    amounts = split(
      loan,
      fen(balance.principal),
      fen(balance.normalInterest) + fen(balance.overdueInterest),
      fen(balance.penaltyInterest),
      fen(balance.compoundInterest)
    )
  }
  return {
    loanId: loan.id,
    loanNo: loan.loanNo,
    customerId: loan.customerId,
    fiveClass: loan.fiveClass,
    orgId: loan.orgId,
    managerId: loan.managerId,
    owed: amountsToYuan(amounts),
  }
}
