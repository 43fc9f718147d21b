/*
| Shared arrangements of the litigation case tests: a case body on the shared
| test book's 次级 loan (朝阳 sub-branch, with a guarantor and a mortgagor).
*/
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../credit-assets/fixtures/book_fixture.js'

export const CASE_API = '/api/litigation'

export async function caseBook(permissions?: string[]) {
  const book = await buildBook(permissions ? { permissions } : {})
  const credit = book.data['credit-assets'] as unknown as CreditBook
  return { book, credit, loan: credit.loans.substandard }
}

let serial = 100
/** A unique, valid 案号 of the given type. */
export const caseNo = (type = '民初', court = '京0105') => `（2026）${court}${type}${++serial}号`

export function caseBody(
  credit: CreditBook,
  overrides: Record<string, unknown> = {}
): Record<string, unknown> {
  const loan = credit.loans.substandard
  return {
    caseNo: caseNo(),
    court: '北京市朝阳区人民法院',
    judge: '王法官',
    cause: '金融借款合同纠纷',
    procedure: 'ordinary',
    stage: 'filing',
    filedOn: '2026-03-02',
    customerId: loan.customerId,
    loanIds: [loan.loanId],
    lawyerName: '李律师',
    lawFirm: '北京某某律师事务所',
    claimPrincipal: '1000000.00',
    claimInterest: '35678.90',
    claimOther: '0.00',
    acceptanceFee: '14121.00',
    parties: [
      { role: 'plaintiff', kind: 'bank' },
      { role: 'defendant', kind: 'borrower', address: '北京市朝阳区建国路1号' },
      { role: 'defendant', kind: 'guarantor', guaranteeId: credit.guaranteeIds[0] },
    ],
    ...overrides,
  }
}
