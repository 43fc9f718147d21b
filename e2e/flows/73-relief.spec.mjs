/*
| 债权减免 in the browser: a relief plan from application to 已完成 with two instalments.
| 1. 张朝阳客户经理 applies (API: a 次级-or-worse loan they manage, buckets from 利息试算) and
|    submits it on 减免方案申报 (资产处置 › 债权减免); 李北京资产 approves it in 我的审批 →
|    执行中, the 减免 posting goes to core banking;
| 2. the administrator registers the two instalments on 减免账务处理 → 已完成;
| 3. 减免方案跟踪 shows the schedule paid, the 资产减免台账 shows the plan's row.
| Screenshots: relief-form, relief-apply, relief-approval, relief-accounting, relief-tracking,
| relief-ledger.
*/
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  approveInDrawer,
  login,
  send,
  settled,
  shot,
  withSqlite,
} from '../support/helpers.mjs'

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1440, height: 1000 } })

const toFen = (yuan) => BigInt(yuan.replace('.', ''))
const toYuan = (fen) => {
  const digits = fen.toString().padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}
const addDays = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

const grouped = (yuan) => {
  const [whole, cents] = yuan.split('.')
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`
}

let manager
let plan
let amounts

test.beforeAll(async () => {
  manager = await apiLogin('bj_cy_am')
  const { businessDate } = await api(manager, '/api/relief/today')
  const customers = await api(manager, '/api/credit-assets/pickers/customers?perPage=50')
  // A 次级-or-worse loan still in the book (earlier flows write off or transfer some) with
  // interest owed as of today, so there is something to relieve.
  let found = null
  let owed = null
  search: for (const customer of customers.data) {
    const options = await api(manager, `/api/relief/loan-options?customerId=${customer.value}`)
    for (const loan of options.data) {
      if (!['substandard', 'doubtful', 'loss'].includes(loan.fiveClass)) continue
      if (loan.status !== 'active') continue
      // Held by another open disposal (核销方案, 批量转让 pool, 转让…): a relief plan would be a 409.
      if (
        withSqlite((db) =>
          db.prepare('SELECT 1 FROM ca_asset_claims WHERE loan_id = ?').get(loan.id)
        )
      )
        continue
      const buckets = await send(manager, 'POST', '/api/relief/buckets', {
        loanIds: [loan.id],
        source: 'trial',
        date: businessDate,
      })
      expect(buckets.status, await buckets.clone().text()).toBe(200)
      const candidate = (await buckets.json()).data[0].owed
      const interestFen = ['penalty', 'compound', 'onInterest', 'offInterest'].reduce(
        (t, b) => t + toFen(candidate[b]),
        0n
      )
      if (interestFen > 0n) {
        found = { customerId: customer.value, loanId: loan.id }
        owed = candidate
        break search
      }
    }
  }
  expect(
    found,
    'a 次级-or-worse loan 张朝阳客户经理 manages in the demo, with interest owed'
  ).toBeTruthy()
  // 40% of the interest (罚息, 复利, 表内, 表外 in that order): under the 50% rule, no committee.
  const interest = ['penalty', 'compound', 'onInterest', 'offInterest']
  let left = (interest.reduce((t, b) => t + toFen(owed[b]), 0n) * 2n) / 5n
  const relief = {
    penalty: '0.00',
    compound: '0.00',
    onInterest: '0.00',
    offInterest: '0.00',
    principal: '0.00',
  }
  for (const b of interest) {
    const take = toFen(owed[b]) < left ? toFen(owed[b]) : left
    relief[b] = toYuan(take)
    left -= take
  }
  expect(
    toFen(relief.penalty) +
      toFen(relief.compound) +
      toFen(relief.onInterest) +
      toFen(relief.offInterest) >
      0n
  ).toBe(true)
  // The debtor pays half of what is left after the relief, in two instalments (60% / 40%).
  const owedTotal = Object.values(owed).reduce((t, v) => t + toFen(v), 0n)
  const reliefTotal = Object.values(relief).reduce((t, v) => t + toFen(v), 0n)
  const pay = (owedTotal - reliefTotal) / 2n
  const first = (pay * 3n) / 5n
  amounts = [toYuan(first), toYuan(pay - first)]
  const created = await send(manager, 'POST', '/api/relief/plans', {
    debtorRole: 'borrower',
    customerId: found.customerId,
    planDate: businessDate,
    bucketSource: 'trial',
    bucketDate: businessDate,
    loans: [{ loanId: found.loanId, relief }],
    payAmount: toYuan(pay),
    paymentMode: 'instalments',
    instalments: [
      { dueDate: addDays(businessDate, 30), amount: amounts[0] },
      { dueDate: addDays(businessDate, 60), amount: amounts[1] },
    ],
    conditions: 'E2E 债务人按期足额还款后减免生效；违约则减免取消',
  })
  expect(created.status, await created.clone().text()).toBe(201)
  plan = await created.json()
})

test('申报: the form, then the plan submitted on 减免方案申报 and approved by the branch', async ({
  page,
  signIn,
}) => {
  await login(page, 'bj_cy_am')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('资产处置', { exact: true }).first().click()
  await menu.getByText('债权减免', { exact: true }).click()
  await menu.locator('[data-menu="relief:apply"]').click()
  await expect(page).toHaveURL(/\/p\/relief\/PlanApply/)
  await expect(page.getByTestId('relief-list').getByText(plan.planNo)).toBeVisible()

  await page.getByTestId('relief-create').click()
  await expect(page.getByTestId('relief-form')).toBeVisible()
  await shot(page, 'relief-form')
  await page.keyboard.press('Escape')

  await page.getByTestId('relief-list').getByText(plan.planNo).click()
  const detail = page.getByTestId('relief-detail')
  await expect(detail.getByTestId('relief-status')).toContainText('草稿')
  await detail.getByTestId('relief-submit').click()
  await expect(detail.getByTestId('relief-status')).toContainText('审批中')
  await settled(page)
  await shot(page, 'relief-apply')

  const shown = await api(manager, `/api/relief/plans/${plan.id}`)
  expect(shown.status).toBe('pending')
  // 李北京资产's 待办: the task titled with the plan number.
  const approver = await apiLogin('bj_asset')
  const todo = await api(approver, `/api/workflow/tasks?box=todo&keyword=${plan.planNo}`)
  const task = todo.data.find((t) => t.title.includes(plan.planNo))
  expect(task, 'the approval task of 李北京资产').toBeTruthy()
  const branch = await signIn('bj_asset')
  await branch.goto(`${BASE}/workflow/instances/${task.instanceId}`)
  await expect(branch.getByTestId('workflow-instance-title')).toContainText(plan.planNo)
  await shot(branch, 'relief-approval')
  await approveInDrawer(branch, '同意减免')
  await expect
    .poll(async () => (await api(manager, `/api/relief/plans/${plan.id}`)).status)
    .toBe('executing')
})

test('账务处理: two instalments paid → 已完成; 跟踪 and the 资产减免台账 show it', async ({
  page,
}) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/p/relief/PlanAccounting?id=${plan.id}`)
  const detail = page.getByTestId('relief-detail')
  await expect(detail.getByTestId('relief-status')).toContainText('执行中')
  const totals = [amounts[0], plan.payAmount]
  for (const [n, amount] of amounts.entries()) {
    await detail.getByTestId('relief-payment-amount').fill(amount)
    await detail.getByTestId('relief-payment-save').click()
    await expect(detail.getByTestId('relief-paid')).toContainText(grouped(totals[n]))
  }
  await expect(detail.getByTestId('relief-status')).toContainText('已完成')
  await expect(detail.getByTestId('relief-postings').getByText('价款分配')).toHaveCount(2)
  await settled(page)
  await shot(page, 'relief-accounting')

  await page.goto(`${BASE}/p/relief/PlanTracking?id=${plan.id}`)
  const schedule = page.getByTestId('relief-detail').getByTestId('relief-schedule')
  await expect(schedule.getByText('已还', { exact: true })).toHaveCount(2)
  await settled(page)
  await shot(page, 'relief-tracking')

  await page.goto(`${BASE}/ledgers/relief`)
  const ledger = page.getByTestId('ledger-table')
  await expect(ledger.getByText(plan.planNo)).toBeVisible()
  await settled(page)
  await shot(page, 'relief-ledger')
})

test('减免规则: the business rules checked at submission, edited by the head office', async ({
  page,
}) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/p/relief/Rules`)
  const table = page.getByTestId('crud-table')
  await expect(table).toContainText('贷款须为次级及以下方可减免')
  const row = table.locator('tbody tr', { hasText: 'interest_percent' }).first()
  await expect(row).toContainText('利息比例（%）')
  await row.getByTestId('crud-action-edit').click()
  const dialog = page.getByTestId('crud-dialog')
  // A percentage that cannot work is refused on the field, and nothing changes.
  await dialog.getByTestId('relief-rule-param').fill('150')
  await dialog.getByTestId('crud-save').click()
  await expect(dialog).toContainText('0–100')
  await dialog.getByTestId('relief-rule-param').fill('50')
  await dialog.getByTestId('crud-save').click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText('50')
  await settled(page)
  await shot(page, 'relief-rules')
})
