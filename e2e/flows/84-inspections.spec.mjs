/*
| 日常检查 in the browser, as the administrator:
| - 批量检查: 1,000 individual (个人) customers — the demo bank has about 1,300
|   with an active loan, all in the administrator's scope; the filter is 个人 only
|   — sent to 智能贷后 as one batch; the job's progress bar runs to 已完成, the
|   batch shows 1,000 customers done, every one of them individual, with results.
| - 非定期检查 with a photo: a task for a demo customer on 经营情况; the result is
|   refused until the 经营场所 photo is filed on the 影像平台, then recorded.
| - 客户视图 › 日常检查 shows that task with its result and opens it.
| The flow makes its own batch and task; nothing else in the demo changes.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, fillTestId, login, send, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1600, height: 1100 } })
test.describe.configure({ mode: 'serial' })

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)

let token
let individuals

test.beforeAll(async () => {
  token = await apiLogin('admin')
  const preview = await send(token, 'POST', '/api/inspections/batches/preview', {
    filter: { customerTypes: ['individual'] },
  })
  expect(preview.status).toBe(200)
  individuals = (await preview.json()).customers
  console.log(`demo: ${individuals} individual customers with an active loan in scope`)
  expect(
    individuals,
    'the demo book has 1,000 individual customers to check'
  ).toBeGreaterThanOrEqual(1000)
})

test('批量检查: 1,000 customers sent to 智能贷后 as one batch, with progress', async ({ page }) => {
  test.setTimeout(120_000)
  await login(page, 'admin')
  await page.goto(`${BASE}/p/inspections/Batches`)
  await page.getByTestId('inspections-batch-new').click()
  const dialog = page.getByTestId('inspections-batch-dialog')
  await expect(dialog).toBeVisible()
  // 个人 only: the dialog's default, and nothing else ticked.
  const types = dialog.getByTestId('inspections-batch-types')
  await expect(types.locator('.el-checkbox.is-checked')).toHaveCount(1)
  await expect(types.locator('.el-checkbox.is-checked')).toContainText('个人')
  await dialog.getByTestId('inspections-batch-limit').locator('input').fill('1000')
  await dialog.getByTestId('inspections-batch-limit').locator('input').press('Tab')
  await expect(dialog.getByTestId('inspections-batch-preview')).toHaveText('1000 户', {
    timeout: 15000,
  })
  await shot(page, 'inspections-batch-dialog')
  await dialog.getByTestId('inspections-batch-submit').click()
  const progress = page.getByTestId('job-progress')
  await expect(progress).toBeVisible()
  await expect(progress.getByText('已完成')).toBeVisible({ timeout: 90000 })
  await expect(progress).toContainText('成功 1000 户')
  await settled(page)
  const row = page.getByTestId('inspections-batches').locator('tbody tr').first()
  await expect(row).toContainText('1000')
  await expect(row).toContainText('已完成')
  await shot(page, 'inspections-batch-progress')

  await row.locator('button').first().click()
  const items = page.getByTestId('inspections-batch-items')
  await expect(items.locator('tbody tr').first()).toBeVisible({ timeout: 15000 })
  await expect(items.locator('tbody tr').first()).toContainText('已完成')
  await expect(page.locator('.page-pagination').last()).toContainText('1000')
  await settled(page)
  await shot(page, 'inspections-batch-items')

  // Every customer of the batch is an individual one: no online-loan customer topped it up.
  const batches = await api(token, '/api/inspections/batches?perPage=1')
  const batch = batches.data[0]
  const seen = new Set()
  for (let p = 1; p <= 5; p++) {
    const items = await api(
      token,
      `/api/inspections/batches/${batch.id}/items?perPage=200&page=${p}`
    )
    for (const i of items.data) seen.add(i.customerType)
    expect(items.meta.total).toBe(1000)
  }
  expect([...seen]).toEqual(['individual'])
})

test('非定期检查: the result waits for the photo filed on the 影像平台', async ({ page }) => {
  const customers = await api(token, '/api/credit-assets/pickers/customers?perPage=20')
  const customer = customers.data[3] ?? customers.data[0]
  const created = await send(token, 'POST', '/api/inspections/tasks', {
    customerId: customer.value,
    items: ['operation'],
    dueOn: '2027-01-29',
    reason: '舆情反映借款人经营场所停工（e2e）',
  })
  expect(created.status, await created.clone().text()).toBe(201)
  const { id, taskNo } = await created.json()

  await login(page, 'admin')
  await page.goto(`${BASE}/p/inspections/Tasks?id=${id}`)
  const drawer = page.getByTestId('inspections-task-drawer')
  await expect(drawer.getByText('实地查看经营场所，拍摄现场照片')).toBeVisible({ timeout: 15000 })
  await fillTestId(page, 'inspections-conclusion', '经营场所停工，需持续关注')
  await drawer.getByTestId('inspections-result-submit').click()
  await expect(drawer.getByTestId('inspections-result-error')).toContainText('须上传影像')

  await drawer
    .getByTestId('point-operation-site_visit')
    .locator('input[type=file]')
    .setInputFiles({ name: '经营场所.png', mimeType: 'image/png', buffer: PNG })
  await expect(drawer.getByTestId('point-operation-site_visit')).toContainText('查看', {
    timeout: 15000,
  })
  await fillTestId(page, 'inspections-conclusion', '经营场所停工，需持续关注。')
  await drawer.getByTestId('inspections-result-submit').click()
  await expect(drawer.getByText('经营场所停工，需持续关注。')).toBeVisible({ timeout: 15000 })
  await settled(page)
  await shot(page, 'inspections-task-done')
  const detail = await api(token, `/api/inspections/tasks/${id}`)
  expect(detail.status).toBe('done')
  expect(detail.evidence).toHaveLength(1)
  expect(detail.taskNo).toBe(taskNo)

  // 客户视图 › 日常检查: the customer's task with its finding, linking back to the task.
  await page.goto(`${BASE}/p/customer-view/CustomerView?id=${customer.value}`)
  const panel = page.getByTestId('slot-inspections')
  const taskRow = panel.getByTestId('customer-inspection-tasks').locator('tr', { hasText: taskNo })
  await expect(taskRow).toContainText('已完成')
  await expect(taskRow).toContainText('经营场所停工，需持续关注。')
  await panel.getByRole('tab', { name: '批量检查结果' }).click()
  await expect(panel.getByTestId('customer-inspection-batches')).toBeVisible()
  await panel.getByRole('tab', { name: '检查任务' }).click()
  await settled(page)
  await shot(page, 'inspections-customer-panel')
  await taskRow.getByRole('link', { name: taskNo }).click()
  await expect(page.getByTestId('inspections-task-drawer')).toBeVisible()
})
