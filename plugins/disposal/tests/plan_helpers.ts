/*
| Test DSL for 处置预案, on the shared test book (tests/fixtures/book.ts): the
| customer of the first sub-branch with its two active loans (正常 and 关注,
| 1,000,000.00 yuan each, so a plan of both reaches the 总行 tier), an applicant
| there, and the approvers of the default chain — the first branch's manager
| (分行资产管理, role branch_asset_manager) and the head office's risk user
| (总行风险管理, hq_risk_manager, from 1 000 000.00 yuan of principal up).
*/
import type { ApiClient } from '@japa/api-client'
import { buildBook, type BookUser } from '#tests/fixtures/book'
import { applyFor } from '#tests/helpers/approvals'
import { bookApi } from '../../credit-assets/services/book_api.js'
import type { CreditBook } from '../../credit-assets/fixtures/book_fixture.js'

export const PLAN_API = '/api/disposal'

export interface PlanBook {
  customer: { id: number; customerNo: string; name: string }
  loanIds: number[]
  /** 支行 clerk at the customer's sub-branch (scope: own org). */
  applicant: BookUser
  people: {
    /** 第一分行 manager: the chain's branch approver; sees the branch's plans. */
    branch: BookUser
    /** 总行 risk: the chain's head-office approver. */
    head: BookUser
    /** 第二分行 manager: the plan is out of their scope. */
    otherBranch: BookUser
  }
  orgs: { subBranch: number; siblingSubBranch: number }
}

export async function planBook(): Promise<PlanBook> {
  const book = await buildBook({
    roles: { branchManager: ['branch_asset_manager'], headOfficeRisk: ['hq_risk_manager'] },
  })
  const credit = book.data['credit-assets'] as unknown as CreditBook
  const customer = (await bookApi.customers.byId(credit.loans.normal.customerId))!
  return {
    customer: { id: customer.id, customerNo: customer.customerNo, name: customer.name },
    loanIds: [credit.loans.normal.loanId, credit.loans.special_mention.loanId],
    applicant: book.people.subBranchClerk,
    people: {
      branch: book.people.branchManager,
      head: book.people.headOfficeRisk,
      otherBranch: book.people.otherBranchManager,
    },
    orgs: { subBranch: book.orgs.subBranches[0], siblingSubBranch: book.orgs.subBranches[1] },
  }
}

export function planBody(
  customerId: number,
  loanIds: number[],
  extra: Record<string, unknown> = {}
) {
  return {
    customerId,
    loanIds,
    method: 'litigation',
    expectedRecovery: '880000.50',
    reasons: '借款人经营困难，逾期超过 90 天，担保人有可供执行财产，拟提起诉讼。',
    ...extra,
  }
}

/** The applicant saves and submits a plan: `{ plan, instanceId }`. */
export async function applyPlan(
  client: ApiClient,
  applicant: { token: string },
  body: ReturnType<typeof planBody>
) {
  const { record, instanceId } = await applyFor(client, applicant, `${PLAN_API}/plans`, body)
  return { plan: record, instanceId }
}

/** A plan's detail as `reader` sees it (status, timeline, decidedAt). */
export async function planDetail(client: ApiClient, reader: { token: string }, planId: number) {
  const response = await client.get(`${PLAN_API}/plans/${planId}`).bearerToken(reader.token)
  response.assertStatus(200)
  return response.body()
}
