/*
| 综合查询 and 自主配置报表: the administrator opens 统计查询 › 综合查询, adds a
| condition (五级分类 = 次级) and runs it; groups by 经办机构 with the sum of
| 贷款余额; saves the query; exports it (progress, then a download); and
| publishes it as a report, which appears in the menu and opens with its layout.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, apiLogin, fillTestId, login, send, shot } from '../support/helpers.mjs'

/** Picks an option of the Element Plus select `target` (a locator). */
async function choose(page, target, text) {
  await target.click()
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', {
    hasText: text,
  })
  await option.first().click()
}

/** "100000.5" yuan → 10000050n fen: amounts compared exactly, never as floats. */
function fen(yuan) {
  const [whole, frac = ''] = String(yuan).split('.')
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2))
}

const arrearsReport = {
  title: { zh: '逾期欠息明细表', en: 'Arrears detail' },
  query: {
    dataset: 'credit-assets:risk-assets',
    fields: [
      'loanNo',
      'customerName',
      'orgName',
      'overdueDays',
      'overduePrincipal',
      'overdueInterest',
      'penaltyInterest',
    ],
    where: { logic: 'and', items: [{ field: 'overdueDays', op: 'gte', value: '90' }] },
    sort: [{ field: 'overdueDays', order: 'desc' }],
  },
  layout: {
    columns: [
      'customerName',
      'loanNo',
      'orgName',
      'overdueDays',
      'overduePrincipal',
      'overdueInterest',
      'penaltyInterest',
    ],
    headers: [
      { label: { zh: '客户与借据', en: 'Customer and loan' }, keys: ['customerName', 'loanNo'] },
      {
        label: { zh: '逾期与欠息', en: 'Arrears' },
        keys: ['overdueDays', 'overduePrincipal', 'overdueInterest', 'penaltyInterest'],
      },
    ],
    totals: true,
  },
}

test('综合查询: conditions, grouping, save, export and publish as a report', async ({ page }) => {
  await login(page, 'admin')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('统计查询').click()
  await menu.getByText('综合查询').click()
  await expect(page.getByTestId('field-picker')).toBeVisible()

  // One condition: 五级分类 等于 次级.
  await page.getByTestId('add-condition').first().click()
  const row = page.getByTestId('condition-row').first()
  await choose(page, row.getByTestId('condition-field'), '五级分类')
  await choose(page, row.getByTestId('condition-value').locator('.el-select'), '次级')
  // A nested OR group: 逾期天数 ≥ 90 or 贷款余额 ≥ 100000.
  await page.getByTestId('add-group').first().click()
  const inner = page.getByTestId('condition-group').nth(1)
  const first = inner.getByTestId('condition-row').first()
  await choose(page, first.getByTestId('condition-field'), '逾期天数')
  await choose(page, first.getByTestId('condition-op'), '大于等于')
  await first.getByTestId('condition-value').locator('input').fill('90')
  await inner.getByTestId('add-condition').click()
  const second = inner.getByTestId('condition-row').nth(1)
  await choose(page, second.getByTestId('condition-field'), '贷款余额')
  await choose(page, second.getByTestId('condition-op'), '大于等于')
  await second.getByTestId('condition-value').locator('input').fill('100000')

  await page.getByTestId('query-run').click()
  const result = page.getByTestId('query-result')
  await expect(result.locator('tbody tr').first()).toBeVisible()
  await expect(page.getByTestId('result-count')).toHaveText(/共 \d+ 条/)
  await expect(result.locator('.el-table__footer')).toContainText('合计')
  await shot(page, 'query-detail')

  // Group by 经办机构 with the total balance.
  await choose(page, page.getByTestId('group-by'), '经办机构')
  await page.keyboard.press('Escape')
  await choose(page, page.getByTestId('sums'), '贷款余额')
  await page.keyboard.press('Escape')
  await page.getByTestId('query-run').click()
  await expect(page.getByText(/共 \d+ 组/)).toBeVisible()
  await shot(page, 'query-grouped')

  // Save it.
  await page.getByTestId('query-save').click()
  await fillTestId(page, 'save-name', '次级 · 按机构')
  await page.getByTestId('save-confirm').click()
  await expect(page.getByText('当前：次级 · 按机构')).toBeVisible()

  // Export: progress, then a download.
  await page.getByTestId('query-export').click()
  await expect(page.getByTestId('job-progress')).toBeVisible()
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 60000 })
  await shot(page, 'query-export', false)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-download').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^风险资产_\d{8}_\d{6}\.xlsx$/)
  await page.keyboard.press('Escape')

  // Publish as a report: a menu entry under 统计查询 that opens the report page.
  await page.getByTestId('query-publish').click()
  await fillTestId(page, 'report-title', '次级资产机构分布')
  await page.getByTestId('publish-confirm').click()
  await expect(menu.getByText('次级资产机构分布')).toBeVisible()
  await menu.getByText('次级资产机构分布').click()
  await expect(page.getByTestId('report-page').locator('tbody tr').first()).toBeVisible()
  await shot(page, 'query-report')

  // A detail report with a group header over adjacent columns and a 合计 row.
  const token = await apiLogin('admin')
  const published = await send(token, 'POST', '/api/query/reports', arrearsReport)
  expect(published.status, await published.clone().text()).toBe(201)
  const { path } = await published.json()
  await page.goto(`${BASE}${path}`)
  const detail = page.getByTestId('report-page')
  await expect(detail.locator('tbody tr').first()).toBeVisible()
  for (const word of ['客户与借据', '逾期与欠息', '逾期本金'])
    await expect(detail.locator('.el-table__header'), `report header has ${word}`).toContainText(
      word
    )
  await shot(page, 'query-report-layout')
})

// The demo runs on SQLite: the same bound casts, LIKE … ESCAPE and as-of joins must work there.
test('综合查询 on SQLite: like wildcards bound, amounts compared as fen, as-of runs', async () => {
  const token = await apiLogin('admin')
  let call = 0
  const run = async (query) => {
    const response = await send(token, 'POST', `/api/query/run?call=${++call}`, {
      query,
      perPage: 5,
    })
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(200)
    return body
  }
  const base = { dataset: 'credit-assets:risk-assets', fields: ['loanNo', 'balance'] }
  const all = await run(base)
  expect(all.meta.total, 'the demo book has risk assets').toBeGreaterThan(0)
  const like = (value) =>
    run({ ...base, where: { logic: 'and', items: [{ field: 'customerName', op: 'like', value }] } })
  expect((await like('%')).meta.total, '% is no wildcard').toBe(0)
  expect((await like('_')).meta.total, '_ is no wildcard').toBe(0)
  const big = await run({
    ...base,
    where: { logic: 'and', items: [{ field: 'balance', op: 'gte', value: '100000.00' }] },
  })
  expect(
    big.data.filter((r) => fen(r.balance) < 10_000_000n).map((r) => r.balance),
    'balances compared as fen, not as text'
  ).toEqual([])
  const today = new Date().toISOString().slice(0, 10)
  await run({ ...base, asOf: today })
})
