/*
| 核销 in the browser: 张朝阳客户经理 (bj_cy_am) files the evidence of a 损失类
| loan of his on the 影像平台, runs the 合规审查 and records the opinion, then
| applies for its write-off on 核销方案申报 (RecordPicker, the condition, the
| reasons) and submits it; 李北京资产 (bj_asset) approves it from 待办 and
| issues the 核销批复 on 核销批复; 账务处理 shows the postings applied by
| core banking (the demo simulator) and prints the 贷款核销通知单; the loan is
| 已核销 in the book; a repayment after the write-off shows as 核销后收回 in
| 核销资产台账. Serial: each step works on the loan the first one chose.
*/
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  approveInDrawer,
  fillTestId,
  login,
  send,
  settled,
  shot,
  sqliteNow,
  withSqlite,
} from '../support/helpers.mjs'

const RULE = 'small_personal' // 追索 180 天以上、单户余额 ≤ 100 万元
test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1500, height: 1000 } })

let applicant
let loan
let planId
let replyNo
let repliedOn

/** A loan of the applicant the simplified procedure applies to (overdue ≥ 180 days, ≤ 1 000 000.00). */
async function candidate(token) {
  for (let page = 1; page <= 20; page++) {
    const { data } = await api(
      token,
      `/api/write-off/subjects/picker?kind=loan&perPage=50&page=${page}`
    )
    if (!data.length) break
    for (const option of data) {
      const detail = await api(token, `/api/write-off/subjects/detail?kind=loan&id=${option.value}`)
      const verdict = detail.rules.find((r) => r.ruleCode === RULE)
      if (verdict?.applicable) return { id: option.value, no: option.label, detail }
    }
  }
  return null
}

test.beforeAll(async () => {
  applicant = await apiLogin('bj_cy_am')
})

test('合规审查: what is missing is listed; evidence on the 影像平台; the opinion is recorded', async ({
  page,
}) => {
  loan = await candidate(applicant)
  expect(loan, 'bj_cy_am has a loan for the simplified procedure').toBeTruthy()
  const review = await send(applicant, 'POST', '/api/write-off/reviews', {
    items: [{ kind: 'loan', id: loan.id, ruleCode: RULE }],
  })
  expect(review.status).toBe(201)
  const reviewBody = await review.json()
  expect(reviewBody.items[0].satisfied, 'no evidence yet').toBe(false)

  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/write-off/Review?id=${reviewBody.id}`)
  await expect(page.getByTestId('review-items')).toContainText('追索 180 天以上的催收证明')
  await settled(page)
  await shot(page, 'write-off-review-missing')

  // File the missing document through the 影像平台 connector, from the evidence dialog.
  await page.getByRole('button', { name: '补充资料' }).first().click()
  const panel = page.getByTestId('evidence-panel')
  await expect(panel).toBeVisible()
  await panel.getByTestId('evidence-doc').click()
  await page
    .locator('.el-select-dropdown__item:visible', { hasText: '追索 180 天以上的催收证明' })
    .click()
  await panel.getByTestId('evidence-file').setInputFiles({
    name: 'collection.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 催收记录'),
  })
  await panel.getByTestId('evidence-upload').click()
  await expect(panel.getByText(/UP\d+/).first()).toBeVisible()
  await settled(page)
  await shot(page, 'write-off-evidence')
  await page.keyboard.press('Escape')

  await page.getByTestId('review-recheck').click()
  await expect(page.getByTestId('review-items')).toContainText('满足')
  await fillTestId(
    page,
    'review-opinion',
    '经审查，该笔贷款逾期超过 180 天，追索无果，符合小额简化核销条件。'
  )
  await page.getByTestId('review-save').click()
  await expect(page.getByText('已出具意见')).toBeVisible()
  await settled(page)
  await shot(page, 'write-off-review-done')
  const pdf = await fetch(`${BASE}/api/write-off/reviews/${reviewBody.id}/pdf`, {
    headers: { authorization: `Bearer ${applicant}` },
  })
  expect(pdf.status).toBe(200)
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString('latin1')
  ).toBe('%PDF-')
})

test('核销方案申报: pick the loan, the condition, the reasons; submit for approval', async ({
  page,
}) => {
  await login(page, 'bj_cy_am')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('核销管理', { exact: true }).click()
  await menu.getByText('核销方案申报', { exact: true }).click()
  await page.waitForURL(/\/p\/write-off\/PlanApply/)

  const picker = page.locator('.subjects .el-select').first()
  await picker.click()
  await page.keyboard.type(loan.no)
  await page.locator('.el-select-dropdown__item:visible', { hasText: loan.no }).first().click()
  await page.getByTestId('subject-rule').click()
  await page
    .locator('.el-select-dropdown__item:visible', { hasText: '个人贷款及信用卡透支简化程序' })
    .click()
  await page.getByTestId('subject-add').click()
  await expect(page.locator('.subjects .el-table')).toContainText(loan.no)
  await fillTestId(page, 'plan-title', `核销 ${loan.no}`)
  await fillTestId(
    page,
    'plan-reasons',
    '借款人逾期超过 180 天，经电话、上门、律师函追索仍无法收回。'
  )
  await settled(page)
  await shot(page, 'write-off-plan-form')
  await page.getByTestId('plan-save-submit').click()
  await expect(page.getByTestId('plan-list')).toContainText('审批中')

  const { data } = await api(applicant, `/api/write-off/plans?keyword=${loan.no}`)
  expect(data[0].status).toBe('pending')
  planId = data[0].id
  await settled(page)
  await shot(page, 'write-off-plan-submitted')
})

test('审批 and 核销批复: the branch approves, the reply is issued and numbered', async ({
  signIn,
}) => {
  const approver = await signIn('bj_asset')
  const plan = await api(await apiLogin('bj_asset'), `/api/write-off/plans/${planId}`)
  await approver.goto(`${BASE}/workflow/instances/${plan.workflowInstanceId}`)
  await expect(approver.getByTestId('workflow-action-approve')).toBeVisible()
  await approveInDrawer(approver, '同意核销')

  await approver.goto(`${BASE}/p/write-off/Replies?id=${planId}`)
  await expect(approver.getByTestId('reply-issue')).toBeVisible()
  await settled(approver)
  await shot(approver, 'write-off-reply-form')
  await approver.getByTestId('reply-issue').click()
  await expect(approver.getByTestId('reply-pdf')).toBeVisible()
  const replied = await api(await apiLogin('bj_asset'), `/api/write-off/plans/${planId}`)
  expect(replied.status).toBe('replied')
  replyNo = replied.replyNo
  repliedOn = replied.repliedOn
  expect(replyNo).toMatch(/^HXPF\d{4}-\d{4}$/)
  await settled(approver)
  await shot(approver, 'write-off-replied')
})

test('账务处理: the postings applied by core banking; the 通知单 prints; the loan is 已核销', async ({
  signIn,
}) => {
  const token = await apiLogin('bj_asset')
  // Principal and the interest the loan carries (a zero amount is not posted).
  const { data } = await api(token, `/api/write-off/plans/${planId}/postings`)
  expect(data.map((p) => p.kind)).toContain('principal')
  expect(data.length).toBeGreaterThanOrEqual(2)
  await expect
    .poll(async () => (await api(token, `/api/write-off/plans/${planId}/postings`)).summary.sent, {
      timeout: 30_000,
      message: 'the outbox delivers the postings to the simulator',
    })
    .toBe(data.length)
  const page = await signIn('bj_asset')
  await page.goto(`${BASE}/p/write-off/Postings?id=${planId}`)
  await expect(page.getByTestId('posting-list')).toContainText('已记账')
  await settled(page)
  await shot(page, 'write-off-postings')
  const notice = await fetch(`${BASE}/api/write-off/plans/${planId}/notice`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(notice.status).toBe(200)
  expect(notice.headers.get('content-type')).toContain('application/pdf')

  const status = withSqlite((db) =>
    db.prepare('SELECT status FROM ca_loans WHERE id = ?').get(loan.id)
  )
  expect(status.status, 'the loan stays in the book as 已核销').toBe('written_off')
})

test('核销资产台账: a later recovery appears as 核销后收回', async ({ signIn }) => {
  withSqlite((db) =>
    db
      .prepare(
        'INSERT INTO ca_repayments (loan_id, paid_on, principal_fen, interest_fen, penalty_fen, created_at) VALUES (?, ?, ?, ?, ?, ?)'
      )
      .run(loan.id, repliedOn, 1234500, 0, 0, sqliteNow())
  )
  const token = await apiLogin('bj_asset')
  const rows = await api(token, `/api/ledgers/write-off-assets/rows?keyword=${loan.no}`)
  expect(rows.data[0].recovered).toBe('12345.00')
  const page = await signIn('bj_asset')
  await page.goto(`${BASE}/ledgers/write-off-assets?keyword=${loan.no}`)
  await expect(page.getByTestId('ledger-table')).toContainText('12,345.00')
  await settled(page)
  await shot(page, 'write-off-ledger')
})

/*
| 批量核销 above the committee threshold (5 000 000.00): bj_cy_am's bad loans in
| one batch plan, approved by the branch and the head office; 上会材料 filed in
| the browser; the 资产处置委员会 (the administrator chairs a one-member sitting
| through the committee's API) passes it; the 上会情况 shows on 核销批复, where
| the reply is issued.
*/
let batchId
let itemId

const upload = (token, subject, docCode, title) =>
  send(token, 'POST', '/api/write-off/evidence/upload', {
    kind: 'loan',
    id: subject,
    docCode,
    title,
    fileName: `${docCode}.pdf`,
    content: Buffer.from(`%PDF-1.4 ${title}`).toString('base64'),
  })

test('批量核销方案 above the threshold goes to the committee; 上会材料 are filed', async ({
  page,
}) => {
  const chosen = []
  let total = 0
  for (let p = 1; p <= 20 && total < 5_200_000; p++) {
    const { data } = await api(
      applicant,
      `/api/write-off/subjects/picker?kind=loan&perPage=50&page=${p}`
    )
    if (!data.length) break
    for (const option of data) {
      if (option.value === loan.id) continue
      const { subject } = await api(
        applicant,
        `/api/write-off/subjects/detail?kind=loan&id=${option.value}`
      )
      if (!['doubtful', 'loss'].includes(subject.fiveClass)) continue
      chosen.push(option.value)
      total += Number(subject.principal)
      if (total >= 5_200_000) break
    }
  }
  expect(total, 'bj_cy_am has bad loans worth the committee').toBeGreaterThanOrEqual(5_000_000)
  for (const id of chosen)
    for (const [code, title] of [
      ['judgment', '民事判决书'],
      ['enforcement_termination', '终结本次执行裁定书'],
      ['recovery_record', '追索记录'],
    ])
      expect((await upload(applicant, id, code, title)).status).toBe(201)
  const created = await send(applicant, 'POST', '/api/write-off/plans', {
    kind: 'batch',
    title: '朝阳支行对公不良贷款批量核销',
    reasons: '各户均经诉讼终结本次执行，无财产可供执行。',
    items: chosen.map((id) => ({ kind: 'loan', id, ruleCode: 'litigation_ended' })),
  })
  expect(created.status).toBe(201)
  batchId = (await created.json()).id
  expect((await send(applicant, 'POST', `/api/write-off/plans/${batchId}/submit`)).status).toBe(200)
  const plan = await api(applicant, `/api/write-off/plans/${batchId}`)
  expect(plan.committeeRequired).toBe(true)
  for (const approver of ['bj_asset', 'hq_risk']) {
    const res = await send(
      await apiLogin(approver),
      'POST',
      `/api/workflow/instances/${plan.workflowInstanceId}/approve`,
      { comment: '同意，提交资产处置委员会审议' }
    )
    expect(res.status, `${approver} approves`).toBe(200)
  }
  const waiting = await api(applicant, `/api/write-off/plans/${batchId}`)
  expect(waiting.status).toBe('committee')
  itemId = Number(waiting.committeeRef)

  // 上会材料上传及借据关联, in the browser.
  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/p/write-off/CommitteeMaterials?id=${batchId}`)
  await page.getByTestId('material-file').setInputFiles({
    name: '上会汇报材料.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 上会汇报'),
  })
  await page.getByTestId('material-upload').click()
  await expect(page.getByTestId('material-list')).toContainText('上会汇报材料')
  await settled(page)
  await shot(page, 'write-off-committee-materials')
})

test('the committee passes it; 核销批复 shows the 上会情况 and issues the reply', async ({
  signIn,
}) => {
  const admin = await apiLogin('admin')
  const users = withSqlite((db) =>
    db.prepare("SELECT id, username FROM users WHERE username IN ('admin', 'hq_risk')").all()
  )
  const id = (name) => users.find((u) => u.username === name).id
  const hq = withSqlite((db) => db.prepare("SELECT id FROM orgs WHERE code = '000000'").get()).id
  const created = await send(admin, 'POST', '/api/committee/meetings', {
    meetingType: 'hq',
    title: '2026年第13次资产处置委员会会议',
    meetingDate: repliedOn,
    place: '总行 3 楼第一会议室',
    orgId: hq,
    chairId: id('admin'),
    secretaryId: id('hq_risk'),
    memberIds: [id('admin')],
  })
  expect(created.status, await created.clone().text()).toBe(201)
  const meeting = (await created.json()).id
  const step = async (method, path, body) => {
    const res = await send(admin, method, `/api/committee/meetings/${meeting}${path}`, body)
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200)
  }
  await step('POST', '/agenda', { itemIds: [itemId] })
  await step('PUT', '/attendance', { attendance: [{ userId: id('admin'), attendance: 'present' }] })
  await step('POST', '/open')
  await step('POST', `/items/${itemId}/open-voting`)
  await step('POST', `/items/${itemId}/votes`, { choice: 'agree' })
  await step('POST', `/items/${itemId}/close-voting`)
  await step('POST', `/items/${itemId}/announce`)

  const page = await signIn('bj_asset')
  await page.goto(`${BASE}/p/write-off/Replies?id=${batchId}`)
  await expect(page.getByText('审议通过')).toBeVisible()
  await expect(page.getByTestId('reply-issue')).toBeVisible()
  await settled(page)
  await shot(page, 'write-off-committee-passed')
  await page.getByTestId('reply-issue').click()
  await expect(page.getByTestId('reply-pdf')).toBeVisible()
  const replied = await api(await apiLogin('bj_asset'), `/api/write-off/plans/${batchId}`)
  expect(replied.status).toBe('replied')
  expect(replied.replyNo).not.toBe(replyNo)

  // 首页: 核销进度 — this year's write-offs against the target, recovered after write-off.
  const widget = await api(
    await apiLogin('bj_asset'),
    '/api/dashboard/widgets/write-off:progress/data'
  )
  expect(
    Number(widget.writtenOff ?? widget.data?.writtenOff),
    'written off this year'
  ).toBeGreaterThan(0)
  await page.goto(`${BASE}/`)
  const title = page.getByText('核销进度').first()
  await expect(title).toBeVisible()
  await title.scrollIntoViewIfNeeded()
  await settled(page)
  await shot(page, 'write-off-widget', false)
})
