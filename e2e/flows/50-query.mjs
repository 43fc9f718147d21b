/*
| 综合查询 and 自主配置报表: the administrator opens 统计查询 › 综合查询, adds a
| condition (五级分类 = 次级) and runs it; groups by 经办机构 with the sum of
| 贷款余额; saves the query; exports it (progress, then a download); and
| publishes it as a report, which appears in the menu and opens with its layout.
*/
import { BASE, OUT, apiLogin, fillTestId, login } from '../harness.mjs'

/** Picks an option of the Element Plus select inside the element `testId` (or the locator). */
async function choose(page, target, text) {
  await target.click()
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', {
    hasText: text,
  })
  await option.first().click()
}

export default async function ({ browser, step }) {
  await step('综合查询: conditions, grouping, save, export and publish as a report', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    })
    const page = await context.newPage()
    try {
      await login(page, 'admin', 'Admin@12345')
      const menu = page.getByTestId('side-menu')
      await menu.getByText('统计查询').click()
      await menu.getByText('综合查询').click()
      await page.getByTestId('field-picker').waitFor({ timeout: 15000 })

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
      await result.locator('tbody tr').first().waitFor({ timeout: 15000 })
      const count = await page.getByTestId('result-count').innerText()
      if (!/共 \d+ 条/.test(count)) throw new Error(`no row count: ${count}`)
      const footer = await result.locator('.el-table__footer').innerText()
      if (!footer.includes('合计')) throw new Error(`no totals row: ${footer}`)
      await page.screenshot({ path: `${OUT}/query-detail.png`, fullPage: true })

      // Group by 经办机构 with the total balance.
      await choose(page, page.getByTestId('group-by'), '经办机构')
      await page.keyboard.press('Escape')
      await choose(page, page.getByTestId('sums'), '贷款余额')
      await page.keyboard.press('Escape')
      await page.getByTestId('query-run').click()
      await page.getByText(/共 \d+ 组/).waitFor({ timeout: 15000 })
      await page.screenshot({ path: `${OUT}/query-grouped.png`, fullPage: true })

      // Save it.
      await page.getByTestId('query-save').click()
      await fillTestId(page, 'save-name', '次级 · 按机构')
      await page.getByTestId('save-confirm').click()
      await page.getByText('当前：次级 · 按机构').waitFor({ timeout: 10000 })

      // Export: progress, then a download.
      await page.getByTestId('query-export').click()
      await page.getByTestId('job-progress').waitFor({ timeout: 10000 })
      await page.getByTestId('export-done').waitFor({ timeout: 60000 })
      await page.screenshot({ path: `${OUT}/query-export.png` })
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-download').click(),
      ])
      if (!/^风险资产_\d{8}_\d{6}\.xlsx$/.test(download.suggestedFilename()))
        throw new Error(`unexpected file ${download.suggestedFilename()}`)
      await page.keyboard.press('Escape')

      // Publish as a report: a menu entry under 统计查询 that opens the report page.
      await page.getByTestId('query-publish').click()
      await fillTestId(page, 'report-title', '次级资产机构分布')
      await page.getByTestId('publish-confirm').click()
      await menu.getByText('次级资产机构分布').waitFor({ timeout: 15000 })
      await menu.getByText('次级资产机构分布').click()
      const report = page.getByTestId('report-page')
      await report.locator('tbody tr').first().waitFor({ timeout: 15000 })
      await page.screenshot({ path: `${OUT}/query-report.png`, fullPage: true })

      // A detail report with a group header over adjacent columns and a 合计 row.
      const token = await apiLogin('admin', 'Admin@12345')
      const published = await fetch(`${BASE}/api/query/reports`, {
        method: 'POST',
        headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
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
              {
                label: { zh: '客户与借据', en: 'Customer and loan' },
                keys: ['customerName', 'loanNo'],
              },
              {
                label: { zh: '逾期与欠息', en: 'Arrears' },
                keys: ['overdueDays', 'overduePrincipal', 'overdueInterest', 'penaltyInterest'],
              },
            ],
            totals: true,
          },
        }),
      })
      if (published.status !== 201)
        throw new Error(`publish: ${published.status} ${await published.text()}`)
      const { path } = await published.json()
      await page.goto(`${BASE}${path}`)
      const detail = page.getByTestId('report-page')
      await detail.locator('tbody tr').first().waitFor({ timeout: 15000 })
      const head = await detail.locator('.el-table__header').innerText()
      for (const word of ['客户与借据', '逾期与欠息', '逾期本金'])
        if (!head.includes(word)) throw new Error(`report header lacks ${word}: ${head}`)
      await page.screenshot({ path: `${OUT}/query-report-layout.png`, fullPage: true })
    } catch (error) {
      await page.screenshot({ path: `${OUT}/query-failure.png`, fullPage: true }).catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })

  // The demo runs on SQLite: the same bound casts, LIKE … ESCAPE and as-of joins must work there.
  await step(
    '综合查询 on SQLite: like wildcards bound, amounts compared as fen, as-of runs',
    async () => {
      const token = await apiLogin('admin', 'Admin@12345')
      let call = 0
      const run = async (query) => {
        const response = await fetch(`${BASE}/api/query/run?call=${++call}`, {
          method: 'POST',
          headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ query, perPage: 5 }),
        })
        const body = await response.json()
        if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(body)}`)
        return body
      }
      const base = { dataset: 'credit-assets:risk-assets', fields: ['loanNo', 'balance'] }
      const all = await run(base)
      if (!all.meta.total) throw new Error('the demo book has no risk assets')
      const like = (value) =>
        run({
          ...base,
          where: { logic: 'and', items: [{ field: 'customerName', op: 'like', value }] },
        })
      if ((await like('%')).meta.total !== 0) throw new Error('% matched as a wildcard')
      if ((await like('_')).meta.total !== 0) throw new Error('_ matched as a wildcard')
      const big = await run({
        ...base,
        where: { logic: 'and', items: [{ field: 'balance', op: 'gte', value: '100000.00' }] },
      })
      if (big.data.some((r) => Number(r.balance) < 100000)) throw new Error('fen compared as text')
      const today = new Date().toISOString().slice(0, 10)
      await run({ ...base, asOf: today })
    }
  )
}
