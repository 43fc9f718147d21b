/*
| 台账: hq_risk opens 风险资产台账 from 台账管理, sees rows and the 合计 row, opens
| the print preview (header with org, user, time), and exports to Excel: the
| dialog shows the job's progress and then a download link that saves a file.
*/
import { OUT, login } from '../harness.mjs'

export default async function ({ browser, step }) {
  await step(
    '风险资产台账: opens, print view renders, export shows progress and downloads',
    async () => {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        acceptDownloads: true,
      })
      const page = await context.newPage()
      try {
        await login(page, 'hq_risk', 'Risk@12345')
        const menu = page.getByTestId('side-menu')
        await menu.getByText('台账管理').click()
        await menu.getByText('风险资产台账').click()
        const table = page.getByTestId('ledger-table')
        await table.locator('tbody tr').first().waitFor({ timeout: 15000 })
        // The 合计 row arrives beside the page: wait for its amounts.
        const footer = table.locator('.el-table__footer')
        await footer
          .getByText(/\d,\d{3}\.\d{2}/)
          .first()
          .waitFor({ timeout: 15000 })
        const summary = await footer.innerText()
        if (!summary.includes('合计')) throw new Error(`no totals row: ${summary}`)
        await page.screenshot({ path: `${OUT}/ledger-risk-assets.png`, fullPage: true })

        await page.getByTestId('ledger-print').click()
        const sheet = page.getByTestId('ledger-print-sheet')
        await sheet.waitFor({ timeout: 15000 })
        const header = await sheet.locator('.meta').innerText()
        for (const word of ['机构', '打印人', '打印时间'])
          if (!header.includes(word)) throw new Error(`print header lacks ${word}: ${header}`)
        await page.screenshot({ path: `${OUT}/ledger-print.png` })
        await page.keyboard.press('Escape')
        await sheet.waitFor({ state: 'hidden', timeout: 5000 })

        await page.getByTestId('ledger-export').click()
        await page.getByTestId('job-progress').waitFor({ timeout: 10000 })
        const link = page.getByTestId('ledger-download')
        await link.waitFor({ timeout: 60000 })
        await page.screenshot({ path: `${OUT}/ledger-export.png` })
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
        if (!/^风险资产台账_\d{8}_\d{6}\.xlsx$/.test(download.suggestedFilename()))
          throw new Error(`unexpected file ${download.suggestedFilename()}`)
      } catch (error) {
        await page.screenshot({ path: `${OUT}/ledger-failure.png`, fullPage: true }).catch(() => {})
        throw error
      } finally {
        await context.close()
      }
    }
  )
}
