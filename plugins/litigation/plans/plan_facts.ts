/*
| 诉前方案's facts, fetched by the server on the application date:
|
|   figures      核心系统   标的本金 and 标的利息 of each chosen loan (principal; 正常利息 +
|                           逾期利息 + 罚息 + 复利); the book's figures when it is down
|   collections  智能催收   the customer's 催收 records, shown with source and time
|
| A system that is down, slow or missing leaves its part `unavailable` with the
| reason: the form still opens and the plan still saves (the figures then come
| from the book and say so). The customer's approved 处置预案 come from disposal's
| public service (plans_api.ts), in the applicant's data scope.
*/
import logger from '@adonisjs/core/services/logger'
import { ConnectorError } from '#core/connectors/connector_error'
import { Money } from '#core/money/money'
import type { UserAccess } from '#core/identity/user_access'
import { approvedPlans } from '../../disposal/services/plans_api.js'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'
import { litigationBankSystems } from './bank_systems.js'

export interface Source {
  code: string
  zh: string
  en: string
}

export interface FactStatus {
  source: Source
  status: 'ok' | 'unavailable'
  /** ISO timestamp of the answer (or of the failure). */
  fetchedAt: string
  /** zh-CN reason when unavailable, e.g. "智能催收：响应超时". */
  message?: string
}

export interface LoanFigure {
  loanId: number
  loanNo: string
  principal: string
  interest: string
  source: 'core-banking' | 'book'
  /** The date the figures are as of (核心系统's asOf, or the application date for the book). */
  asOf: string
}

export interface CollectionRecord {
  date: string
  method: string
  collector: string
  result: string
  promisedAmount: string | null
}

export interface BookLoan {
  id: number
  loan_no: string
  balance_fen: string | number
  overdue_interest_fen: string | number
  penalty_interest_fen: string | number
  compound_interest_fen: string | number
}

const CORE: Source = { code: 'core-banking', zh: '核心系统', en: 'Core banking' }
const COLLECTION: Source = { code: 'collection', zh: '智能催收', en: 'Collection system' }

const REASONS: Record<string, string> = {
  timeout: '响应超时',
  unavailable: '无法连接',
  http: '返回错误',
  disabled: '接口已停用',
  breaker_open: '熔断中，暂停调用',
  missing: '未配置外部系统适配器',
  error: '返回了无法识别的结果',
}

class FactTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FactTimeout()), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

async function fetchPart<T>(
  source: Source,
  systems: BankSystems | null,
  timeoutMs: number,
  load: (systems: BankSystems) => Promise<T>
): Promise<FactStatus & { data?: T }> {
  const unavailable = (reason: string) => ({
    source,
    status: 'unavailable' as const,
    fetchedAt: new Date().toISOString(),
    message: `${source.zh}：${REASONS[reason] ?? REASONS.error}`,
  })
  if (!systems) return unavailable('missing')
  try {
    const data = await withTimeout(load(systems), timeoutMs)
    return { source, status: 'ok', fetchedAt: new Date().toISOString(), data }
  } catch (error) {
    if (error instanceof FactTimeout) return unavailable('timeout')
    if (error instanceof ConnectorError) return unavailable(error.kind)
    logger.error({ err: error, source: source.code }, 'litigation plan facts failed')
    return unavailable('error')
  }
}

/** The book's figures of a loan: balance, and 欠息 + 罚息 + 复利. */
function bookFigure(loan: BookLoan, applicationDate: string): LoanFigure {
  return {
    loanId: Number(loan.id),
    loanNo: loan.loan_no,
    principal: Money.fromFen(loan.balance_fen).toYuan(),
    interest: Money.sum(
      [loan.overdue_interest_fen, loan.penalty_interest_fen, loan.compound_interest_fen].map((v) =>
        Money.fromFen(v)
      )
    ).toYuan(),
    source: 'book',
    asOf: applicationDate,
  }
}

export interface PlanFacts {
  applicationDate: string
  figures: FactStatus
  loans: LoanFigure[]
  /** Sums of the loans' figures: what 申请日标的金额 is prefilled with. */
  principal: string
  interest: string
  total: string
  collections: FactStatus & { data?: CollectionRecord[] }
}

/** Figures and 催收 records in parallel; never throws. */
export async function fetchPlanFacts(
  subject: { customerNo: string; loans: BookLoan[] },
  applicationDate: string,
  timeoutMs: number
): Promise<PlanFacts> {
  const systems = await litigationBankSystems.get()
  const [core, collections] = await Promise.all([
    fetchPart(CORE, systems, timeoutMs, (s) =>
      Promise.all(subject.loans.map((l) => s.coreBanking.loanBalance(l.loan_no)))
    ),
    fetchPart(COLLECTION, systems, timeoutMs, (s) => s.collection.records(subject.customerNo)),
  ])
  const live = new Map((core.data ?? []).map((b) => [b.loanNo, b]))
  const loans = subject.loans.map((loan): LoanFigure => {
    const b = live.get(loan.loan_no)
    if (!b) return bookFigure(loan, applicationDate)
    return {
      loanId: Number(loan.id),
      loanNo: loan.loan_no,
      principal: Money.fromYuan(b.principal).toYuan(),
      interest: Money.sum(
        [b.normalInterest, b.overdueInterest, b.penaltyInterest, b.compoundInterest].map((v) =>
          Money.fromYuan(v)
        )
      ).toYuan(),
      source: 'core-banking',
      asOf: b.asOf,
    }
  })
  const principal = Money.sum(loans.map((l) => Money.fromYuan(l.principal)))
  const interest = Money.sum(loans.map((l) => Money.fromYuan(l.interest)))
  const figures: FactStatus = {
    source: core.source,
    status: core.status,
    fetchedAt: core.fetchedAt,
    ...(core.message ? { message: core.message } : {}),
  }
  return {
    applicationDate,
    figures,
    loans,
    principal: principal.toYuan(),
    interest: interest.toYuan(),
    total: principal.plus(interest).toYuan(),
    collections: collections.status === 'ok' ? collections : { ...collections, data: undefined },
  }
}

/** The customer's approved 处置预案 the applicant may see (newest first). */
export async function customerDisposalPlans(access: UserAccess, customerId: number) {
  const plans = await approvedPlans({ customerId, access, limit: 50 })
  return plans.map((p) => ({
    id: p.id,
    planNo: p.planNo,
    method: p.method,
    principal: p.principal,
    interest: p.interest,
    expectedRecovery: p.expectedRecovery,
    approvedOn: p.approvedOn,
    loanNos: p.loans.map((l) => l.loanNo),
  }))
}
