/*
| Test DSL for 债权转让: loans on the shared book's way (credit-assets' public
| fixture), an applicant at 朝阳支行 (110101) whose branch approver is the demo
| bank's bj_asset, and the workflow approvals as the approvers would give them.
*/
import { userWith } from '#tests/helpers/auth'
import { approveRecord } from '#tests/helpers/approvals'
import { addGuarantor, bookLoan } from '../../credit-assets/fixtures/book_fixture.js'

export const API = '/api/transfer'

export const ALL_CODES = [
  'transfer:application:list',
  'transfer:application:create',
  'transfer:notice:update',
  'transfer:fee:create',
  'transfer:posting:list',
  'transfer:posting:update',
  'transfer:result:create',
  'transfer:ledger:list',
  'expenses:expense:list',
]

export const applicant = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'org_and_below', orgCode: '110101' })

/** A 可疑 loan at 朝阳支行: 本金 200 000.00, 表内/表外利息 1 500.00 each, one guarantor. */
export async function doubtfulLoan(balanceFen = '20000000') {
  const loan = await bookLoan({
    orgCode: '110101',
    fiveClass: 'doubtful',
    overdueDays: 200,
    riskAsset: true,
    balanceFen,
    amountFen: balanceFen,
    interestFen: '150000',
  })
  await addGuarantor(loan.loanId, '测试保证人有限公司')
  return loan
}

/** The application's approval through the demo chain (bj_asset, then hq_risk). */
export const approveAll = (client: any, businessId: number) =>
  approveRecord(client, 'transfer:application', businessId)

export const body = (loanIds: number[], extra: Record<string, unknown> = {}) => ({
  loanIds,
  transferee: '某某资产管理有限公司',
  method: 'agreement',
  valuation: '150000.00',
  reservePrice: '140000.00',
  price: '150000.00',
  reasons: '借款人经营停滞，担保人无代偿能力，协议转让回收现金。',
  ...extra,
})

/** Creates, submits and approves an application; returns its id and detail. */
export async function approvedApplication(
  client: any,
  token: string,
  loanIds: number[],
  extra = {}
) {
  const created = await client
    .post(`${API}/applications`)
    .bearerToken(token)
    .json(body(loanIds, extra))
  if (created.status() !== 201) throw new Error(`create ${created.status()}: ${created.text()}`)
  const id = created.body().id as number
  const submitted = await client.post(`${API}/applications/${id}/submit`).bearerToken(token)
  if (submitted.status() !== 200)
    throw new Error(`submit ${submitted.status()}: ${submitted.text()}`)
  await approveAll(client, id)
  return id
}
