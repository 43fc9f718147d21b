/*
| What a 法律文书 template is filled with: the case (claims, court, lawyer), its
| parties by role, the book's loans, guarantees and collaterals (book_api, in
| the user's scope) and the latest judgment. Money is yuan text (the `yuan`
| helper groups it), dates are written the Chinese way (2026年3月2日). Templates
| document these names on 文书模板管理.
*/
import type { UserAccess } from '#core/identity/user_access'
import { settings } from '#core/settings/settings'
import { Decimal } from 'decimal.js'
import { Money } from '#core/money/money'
import { businessDate } from '#core/business_day/business_date'
import { bookApi } from '../../credit-assets/services/book_api.js'
import type { CaseDetail } from '../cases/case_queries.js'
import { labelsOf } from '../cases/labels.js'
import { litPlanDetail } from '../plans/plan_queries.js'

/** '2026-03-02' → '2026年3月2日' */
export function chineseDate(date: string | null | undefined): string {
  if (!date) return ''
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

const PLAINTIFF_ROLES = ['plaintiff', 'applicant', 'appellant']

export async function documentData(access: UserAccess, found: CaseDetail) {
  const loanIds = found.loans.map((l) => l.loanId)
  const [loans, guarantees, collaterals, kindName, judgmentName, bankName, today] =
    await Promise.all([
      bookApi.loans.search({ ids: loanIds, perPage: 200 }, { access }),
      bookApi.guarantees.search({ loanIds, perPage: 200 }, { access }),
      bookApi.collaterals.search({ loanIds, perPage: 200 }, { access }),
      labelsOf('litigation_party_kind'),
      labelsOf('litigation_judgment_kind'),
      settings.string('system.bank.name'),
      businessDate.current(),
    ])
  const party = (p: CaseDetail['parties'][number]) => ({
    name: p.name,
    kindLabel: kindName(p.kind),
    address: p.address,
    legalRepresentative: p.legalRepresentative,
  })
  const plaintiffs = found.parties.filter((p) => PLAINTIFF_ROLES.includes(p.role))
  const defendants = found.parties.filter((p) => !PLAINTIFF_ROLES.includes(p.role))
  const bank = found.parties.find((p) => p.kind === 'bank')
  const borrower = found.parties.find((p) => p.kind === 'borrower')
  const judgment = found.judgments.at(-1) ?? null
  const plan = found.prePlanId ? await litPlanDetail(access, found.prePlanId) : null
  return {
    today: chineseDate(today),
    bank: {
      name: bank?.name ?? bankName,
      address: bank?.address ?? null,
      legalRepresentative: bank?.legalRepresentative ?? null,
    },
    case: {
      caseNo: found.caseNo,
      court: found.court,
      judge: found.judge,
      cause: found.cause ?? '金融借款合同纠纷',
      filedOn: chineseDate(found.filedOn),
      claimPrincipal: found.claimPrincipal,
      claimInterest: found.claimInterest,
      claimOther: found.claimOther,
      hasOther: Money.fromYuan(found.claimOther).compare(Money.zero()) > 0,
      claimTotal: found.claimTotal,
      acceptanceFee: found.acceptanceFee,
      lawyerName: found.lawyerName,
      lawFirm: found.lawFirm,
    },
    plaintiffs: plaintiffs.map(party),
    defendants: defendants.map(party),
    borrower: borrower
      ? party(borrower)
      : { name: found.customerName, kindLabel: '借款人', address: null, legalRepresentative: null },
    guarantors: found.parties.filter((p) => p.kind === 'guarantor').map((p) => p.name),
    mortgagors: found.parties.filter((p) => p.kind === 'mortgagor').map((p) => p.name),
    loans: loans.data.map((l) => ({
      loanNo: l.loanNo,
      amount: l.amount,
      balance: l.balance,
      startDate: chineseDate(l.startDate),
      maturityDate: chineseDate(l.maturityDate),
      ratePercent: new Decimal(l.rate).times(100).toString(),
    })),
    guarantees: guarantees.data.map((g) => ({
      name: g.guarantorName,
      type: g.guaranteeType,
      amount: g.amount,
    })),
    collaterals: collaterals.data.map((c) => ({ name: c.name, ref: c.collateralRef })),
    /** The linked 诉前方案, when there is one. */
    plan: plan && {
      planNo: plan.planNo,
      cause: plan.cause,
      applicationDate: chineseDate(plan.applicationDate),
      claimPrincipal: plan.claimPrincipal,
      claimInterest: plan.claimInterest,
      claimTotal: plan.claimTotal,
    },
    judgment: judgment && {
      kindLabel: judgmentName(judgment.kind),
      documentNo: judgment.documentNo,
      decidedOn: chineseDate(judgment.decidedOn),
      servedOn: chineseDate(judgment.servedOn),
      principalAwarded: judgment.principalAwarded,
      interestAwarded: judgment.interestAwarded,
      totalAwarded: judgment.totalAwarded,
      performanceDeadline: chineseDate(judgment.performanceDeadline),
      summary: judgment.summary,
    },
  }
}
