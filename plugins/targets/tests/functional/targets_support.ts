import { BOOK_ORG_NAMES, buildBook } from '#tests/fixtures/book'
import { addRepayment } from '../../../credit-assets/fixtures/book_fixture.js'

/*
| Shared by the targets specs: the shared test book (tests/fixtures/book.ts):
| 总行 → 第一分行 (甲 sub1, 乙 sub2), 第二分行 (甲 sub3); its 总行 user (all) and
| 第一分行 manager (org and below) hold the targets codes.
*/
export const ALL_CODES = [
  'targets:head-target:list',
  'targets:head-target:create',
  'targets:head-target:update',
  'targets:head-target:delete',
  'targets:head-tracking:list',
  'targets:branch-target:list',
  'targets:branch-target:create',
  'targets:branch-target:update',
  'targets:branch-target:delete',
  'targets:branch-tracking:list',
  'targets:assessment:list',
  'targets:assessment:weights',
  'targets:assessment:export',
  'targets:series:list',
  'targets:series:manage',
]

/** The shared book with the targets codes; its orgs by the names the tests use. */
export async function targetsBook() {
  const book = await buildBook({ permissions: ALL_CODES })
  const [branch1, branch2] = book.orgs.branches
  const [sub1, sub2, sub3] = book.orgs.subBranches
  return {
    hq: book.people.headOfficeRisk,
    bj: book.people.branchManager,
    orgs: { branch1, branch2, sub1, sub2, sub3 },
  }
}
export const NAME = {
  branch1: BOOK_ORG_NAMES.branches[0],
  branch2: BOOK_ORG_NAMES.branches[1],
  sub1: BOOK_ORG_NAMES.subBranches[0],
  sub2: BOOK_ORG_NAMES.subBranches[1],
}

export const repay = (loanId: number, paidOn: string, principalFen: string, interestFen = '0') =>
  addRepayment(loanId, { paidOn, principalFen, interestFen })

/** The recovery flow (disposal's job): the repayments above become 清收 outcomes, which count. */
export async function recoveriesToOutcomes() {
  const { jobRegistry } = await import('#core/queue/job_registry')
  const handler = await jobRegistry.handler('disposal:recovery-outcomes')
  await handler({ jobId: 'test', payload: {}, progress: async () => {} })
}

export const target = (org: number, kind: string, amount: string, period = 'Y') => ({
  orgId: org,
  year: 2026,
  period,
  kind,
  amount,
})
