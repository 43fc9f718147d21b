/*
| Test DSL for 核销管理: loans on the shared book's way (credit-assets' public
| fixture), an applicant at 朝阳支行 (110101) whose branch approver is the
| demo bank's bj_asset, evidence filed for a rule through the real imaging
| connector, and the workflow approvals as the approvers would give them.
*/
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { approveRecord } from '#tests/helpers/approvals'
import { bookCardAccount, bookLoan } from '../../credit-assets/fixtures/book_fixture.js'
import { DEFAULT_RULES } from '../rules/default_rules.js'

export const API = '/api/write-off'

export const ALL_CODES = [
  'write-off:review:list',
  'write-off:review:create',
  'write-off:evidence:create',
  'write-off:plan:list',
  'write-off:plan:create',
  'write-off:material:create',
  'write-off:reply:create',
  'write-off:posting:list',
  'write-off:posting:update',
  'write-off:no-recourse:list',
  'write-off:no-recourse:create',
  'write-off:ledger:list',
  'write-off:rule:list',
  'write-off:rule:update',
]

export const applicant = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'org_and_below', orgCode: '110101' })

/** Who issues the 批复: another person (four eyes), at the branch above the applicant. */
export const replier = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'org_and_below', orgCode: '110000' })

/** A 损失类 loan at 朝阳支行 overdue 400 days: 本金 300 000.00, 表内/表外利息 1 500.00 each. */
export const lossLoan = (balanceFen = '30000000') =>
  bookLoan({
    orgCode: '110101',
    fiveClass: 'loss',
    overdueDays: 400,
    riskAsset: true,
    balanceFen,
    amountFen: balanceFen,
    interestFen: '150000',
  })

export const docsOf = (rule: string) => DEFAULT_RULES.find((r) => r.code === rule)!.requiredDocs

/** Files every document `rule` requires for the subject on the 影像平台 (HTTP, real connector). */
export async function fileEvidence(
  client: any,
  token: string,
  subject: { kind: 'loan' | 'card'; id: number },
  rule: string,
  skip: string[] = []
) {
  for (const doc of docsOf(rule).filter((d) => !skip.includes(d.code))) {
    const res = await client
      .post(`${API}/evidence/upload`)
      .bearerToken(token)
      .json({
        kind: subject.kind,
        id: subject.id,
        docCode: doc.code,
        title: doc.name,
        fileName: `${doc.code}.pdf`,
        content: Buffer.from(`%PDF-1.4 ${doc.name}`).toString('base64'),
      })
    if (res.status() !== 201) throw new Error(`evidence upload ${res.status()}: ${res.text()}`)
  }
}

export async function instanceOf(type: string, businessId: number) {
  return db
    .from('wf_instances')
    .where('type_code', type)
    .where('business_id', String(businessId))
    .orderBy('id', 'desc')
    .firstOrFail()
}

/** Approves every open node of the instance as the demo approvers (bj_asset, then hq_risk). */
export const approveAll = (client: any, type: string, businessId: number) =>
  approveRecord(client, type, businessId)

/** A real PDF came back. */
export const assertPdf = (res: any, assert: any) => {
  res.assertStatus(200)
  assert.equal(res.header('content-type'), 'application/pdf')
  assert.equal((res.body() as Buffer).subarray(0, 5).toString('latin1'), '%PDF-')
}

/** A batch plan of `loans` loans and `cards` card accounts, evidence filed, submitted and approved. */
export async function approvedBatch(client: any, loans: number, cards: number) {
  const me = await applicant()
  const items: any[] = []
  for (let i = 0; i < loans; i++)
    items.push({ kind: 'loan', id: (await lossLoan('5000000')).loanId, ruleCode: 'small_personal' })
  for (let i = 0; i < cards; i++) {
    const owner = await lossLoan('100')
    const card = await bookCardAccount({ orgId: owner.orgId, customerId: owner.customerId })
    items.push({ kind: 'card', id: card.accountId, ruleCode: 'small_personal' })
  }
  for (const i of items) await fileEvidence(client, me.token, i, 'small_personal')
  const created = await client
    .post(`${API}/plans`)
    .bearerToken(me.token)
    .json({ kind: 'batch', title: '小额批量核销', reasons: '追索 180 天以上仍无法收回。', items })
  created.assertStatus(201)
  ;(
    await client.post(`${API}/plans/${created.body().id}/submit`).bearerToken(me.token)
  ).assertStatus(200)
  await approveAll(client, 'write-off:plan', created.body().id)
  return { me, planId: created.body().id as number }
}

/** The same, and its 批复 (2026-12-07) issued by another person over HTTP. */
export async function repliedBatch(client: any, loans: number, cards: number) {
  const { me, planId } = await approvedBatch(client, loans, cards)
  const boss = await replier()
  const replied = await client
    .post(`${API}/plans/${planId}/reply`)
    .bearerToken(boss.token)
    .json({ repliedOn: '2026-12-07', replyText: '同意批量核销' })
  replied.assertStatus(200)
  return {
    me,
    boss,
    planId,
    postings: replied.body().postings as number,
    jobId: replied.body().jobId as string | null,
  }
}
