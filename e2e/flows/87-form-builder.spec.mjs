/*
| 表单构建 acceptance: the administrator designs a form (合同登记: 合同号 text,
| 金额 money) placed under 系统工具 and forming a ledger, reviews the generated
| script and submits it; the 运维管理员 approves; the form's page appears in
| the menu and takes a record; 综合查询 finds it; the form is altered (合同号
| widened, 备注 and the 附件 证明材料 added), approved again, the new fields are
| used (a file uploaded, then downloaded through its record). On the e2e
| server's SQLite database. Serial: each step builds on the previous one.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, api, apiLogin, fillTestId, login, settled, shot } from '../support/helpers.mjs'

test.describe.configure({ mode: 'serial' })

const CODE = 'e2e_contract'
const NAME = '合同登记'
const EVIDENCE = '合同扫描件说明：金额 1,234.56 元'

async function choose(page, target, text) {
  await target.click()
  await page
    .locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text })
    .first()
    .click()
}

/** The form's open change's approval, once submitted. */
async function pendingInstance() {
  const token = await apiLogin('admin')
  const { data } = await api(token, '/api/forms')
  const form = data.find((f) => f.code === CODE)
  const detail = await api(token, `/api/forms/${form.id}`)
  return detail.changes.find((c) => c.status === 'pending').instanceId
}

/** The input of a CrudPage dialog field (el-input puts the attribute on the inner input). */
const field = (dialog, prop) =>
  dialog.locator(`input[data-field="${prop}"], [data-field="${prop}"] input`).first()

async function approveAsOps(signIn, comment) {
  const instanceId = await pendingInstance()
  const ops = await signIn('ops')
  await ops.goto(`${BASE}/workflow/instances/${instanceId}`)
  await expect(ops.getByTestId('workflow-action-approve')).toBeVisible()
  await ops.getByTestId('workflow-action-approve').click()
  await fillTestId(ops, 'workflow-comment', comment)
  await ops.getByTestId('workflow-action-submit').click()
  await expect(ops.getByTestId('workflow-action-dialog')).toBeHidden({ timeout: 15000 })
  await ops.close()
}

async function openDesigner(page) {
  await page.goto(`${BASE}/forms/designer`)
  await expect(page.getByTestId('forms-table')).toBeVisible()
  await settled(page)
}

test('design a form, review its script and submit it', async ({ page }) => {
  await login(page, 'admin')
  await openDesigner(page)
  await page.getByTestId('form-create').click()
  await fillTestId(page, 'form-code', CODE)
  await fillTestId(page, 'form-name-zh', NAME)
  await fillTestId(page, 'form-name-en', 'Contracts')
  await choose(page, page.getByTestId('form-menu-parent'), '系统工具')
  await page.getByText('形成台账').first().click()
  const first = page.getByTestId('field-row-0')
  await fillTestId(first, 'field-code', 'contract_no')
  await fillTestId(first, 'field-label-zh', '合同号')
  await fillTestId(first, 'field-label-en', 'Contract no.')
  await page.getByTestId('field-add').click()
  const second = page.getByTestId('field-row-1')
  await fillTestId(second, 'field-code', 'amount')
  await fillTestId(second, 'field-label-zh', '金额')
  await fillTestId(second, 'field-label-en', 'Amount')
  await choose(page, second.getByTestId('field-type'), '金额（分）')
  await page.getByTestId('form-save').click()

  const drawer = page.getByTestId('form-drawer')
  await expect(drawer.getByTestId('change-script')).toContainText(`create table \`form_${CODE}\``)
  await shot(page, 'form-builder-draft')
  await drawer.getByTestId('change-submit').click()
  await expect(drawer.getByTestId('change-pending')).toBeVisible()
})

test('another administrator approves; the form is in the menu and takes a record', async ({
  page,
  signIn,
}) => {
  await approveAsOps(signIn, '同意建表')
  await login(page, 'admin')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('运维管理').click()
  await menu.getByText('系统工具').click()
  await menu.getByText(NAME, { exact: true }).click()
  await page.waitForURL(new RegExp(`/forms/data/${CODE}`))
  await page.getByTestId('crud-create').click()
  const dialog = page.getByTestId('crud-dialog')
  await field(dialog, 'contractNo').fill('HT-2026-001')
  await field(dialog, 'amount').fill('1234.56')
  await dialog.getByTestId('crud-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.crud-page tbody')).toContainText('HT-2026-001')
  await expect(page.locator('.crud-page tbody')).toContainText('1,234.56')
  await shot(page, 'form-builder-records')
})

test('综合查询 finds the record through the form dataset', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/query/builder`)
  await expect(page.getByTestId('field-picker')).toBeVisible()
  await choose(page, page.locator('.query-builder__fields .el-select').first(), `表单：${NAME}`)
  await page.getByTestId('query-run').click()
  const result = page.getByTestId('query-result')
  await expect(result).toContainText('HT-2026-001')
  await expect(result).toContainText('1,234.56')
  await shot(page, 'form-builder-query')
})

test('alter the form (widen, add a field), approve again, use the new field', async ({
  page,
  signIn,
}) => {
  await login(page, 'admin')
  await openDesigner(page)
  await page.getByTestId(`form-open-${CODE}`).click()
  const drawer = page.getByTestId('form-drawer')
  await drawer.getByTestId('change-open').click()
  await fillTestId(page, 'widen-contract_no', '200')
  await page.getByTestId('field-add').last().click()
  const row = page.getByTestId('field-row-0').last()
  await fillTestId(row, 'field-code', 'remark')
  await fillTestId(row, 'field-label-zh', '备注')
  await fillTestId(row, 'field-label-en', 'Remark')
  await page.getByTestId('field-add').last().click()
  const file = page.getByTestId('field-row-1').last()
  await fillTestId(file, 'field-code', 'evidence')
  await fillTestId(file, 'field-label-zh', '证明材料')
  await fillTestId(file, 'field-label-en', 'Evidence')
  await choose(page, file.getByTestId('field-type'), '附件')
  await page.getByTestId('change-save').click()
  await expect(drawer.getByTestId('change-draft')).toContainText('remark')
  await expect(drawer.getByTestId('change-draft')).toContainText('evidence')
  await drawer.getByTestId('change-submit').click()
  await expect(drawer.getByTestId('change-pending')).toBeVisible()

  await approveAsOps(signIn, '同意增加备注')
  await page.goto(`${BASE}/forms/data/${CODE}`)
  await page.getByTestId('crud-create').click()
  const dialog = page.getByTestId('crud-dialog')
  await field(dialog, 'contractNo').fill(`HT-${'9'.repeat(150)}`)
  await field(dialog, 'amount').fill('10.00')
  await field(dialog, 'remark').fill('第二版字段')
  // 附件: an executable is refused with the reason; a text file is uploaded and kept.
  const upload = dialog.getByTestId('attachment-evidence').locator('input[type=file]')
  await upload.setInputFiles({
    name: 'tool.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ'),
  })
  await expect(dialog.getByTestId('attachment-evidence')).toContainText('txt')
  await upload.setInputFiles({
    name: '评估报告.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(EVIDENCE),
  })
  await expect(dialog.getByTestId('attachment-name')).toContainText('评估报告.txt')
  await dialog.getByTestId('crud-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.crud-page tbody')).toContainText('第二版字段')
  await shot(page, 'form-builder-altered')
})

test('the record’s attachment downloads through the record; 综合查询 shows its name', async ({
  page,
}) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/forms/data/${CODE}`)
  const link = page.locator('.crud-page tbody').getByTestId('attachment-download').first()
  await expect(link).toHaveText('评估报告.txt')
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe('评估报告.txt')
  const { readFile } = await import('node:fs/promises')
  expect(await readFile(await download.path(), 'utf8')).toBe(EVIDENCE)

  await page.goto(`${BASE}/query/builder`)
  await expect(page.getByTestId('field-picker')).toBeVisible()
  await choose(page, page.locator('.query-builder__fields .el-select').first(), `表单：${NAME}`)
  // The form's first six fields are picked by default: 证明材料 among them.
  await page.getByTestId('query-run').click()
  const result = page.getByTestId('query-result')
  await expect(result).toContainText('评估报告.txt')
})
