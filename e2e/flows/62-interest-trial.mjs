/*
| 利息试算 and 时效管理 in the browser (administrator):
| 1. the worked example typed into the form reproduces to the fen, with
|    its step table and the repayment's allocation;
| 2. the form fills from a real loan (ca_loans, ca_repayments), and what the page
|    shows is what the API computes for the same input;
| 3. a risk asset's limitation periods open with their rules; registering a 催收
|    with proof interrupts the 诉讼时效.
*/
import { BASE, OUT, api, apiLogin, fillTestId, login } from '../harness.mjs'

async function typeDate(page, testId, date) {
  // An el-date-picker hands its data-testid to its <input>.
  const target = page.getByTestId(testId).first()
  const input =
    (await target.evaluate((el) => el.tagName)) === 'INPUT'
      ? target
      : target.locator('input').first()
  await input.click()
  await input.fill(date)
  await input.press('Enter')
}

/** Picks days in an el-date-picker type="dates" by walking its panel (year → month → day). */
async function pickDates(page, testId, dates) {
  await page.getByTestId(testId).locator('input').first().click()
  const panel = page.locator('.el-picker-panel:visible').last()
  for (const date of dates) {
    const [year, month, day] = date.split('-').map(Number)
    await panel.locator('.el-date-picker__header-label').first().click() // year label → year grid
    const decade = () => panel.locator('.el-date-picker__header-label').first().innerText()
    for (let i = 0; i < 20 && !(await decade()).includes(String(year)); i++) {
      const [from] = (await decade()).match(/\d{4}/) ?? ['0']
      await panel
        .locator(Number(from) > year ? '.d-arrow-left' : '.d-arrow-right')
        .first()
        .click()
    }
    await panel
      .locator('.el-year-table td')
      .filter({ hasText: String(year) })
      .first()
      .click()
    await panel
      .locator('.el-month-table td')
      .nth(month - 1)
      .click()
    await panel
      .locator('.el-date-table td.available:not(.prev-month):not(.next-month)')
      .filter({ hasText: new RegExp(`^\\s*${day}\\s*$`) })
      .first()
      .click()
  }
  const ok = panel.locator('.el-picker-panel__footer button').last()
  if (await ok.count()) await ok.click()
  else await page.keyboard.press('Escape')
}

const shown = async (page, key) =>
  (await page.getByTestId(`trial-${key}`).innerText()).replace(/,/g, '').trim()

export default async function ({ browser, step }) {
  const token = await apiLogin('admin', 'Admin@12345')

  await step(
    '利息试算: the worked example reproduces to the fen, with its step table',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
      try {
        await login(page, 'admin', 'Admin@12345')
        const menu = page.getByTestId('side-menu')
        await menu.getByText('资产处置', { exact: true }).click()
        await menu.getByText('处置管理', { exact: true }).click()
        await menu.locator('[data-menu="disposal:interest-trial"]').click()
        await page.waitForURL(/\/p\/disposal\/InterestTrial/)

        await typeDate(page, 'trial-start', '2023-01-01')
        await typeDate(page, 'trial-asof', '2024-01-01')
        await fillTestId(page, 'trial-rate-0', '4.35')
        await page.locator('.trial-form .el-date-editor').nth(2).locator('input').fill('2023-01-01')
        await page.locator('.trial-form .el-date-editor').nth(2).locator('input').press('Enter')
        await page.locator('.trial-form .el-date-editor').nth(3).locator('input').fill('2023-07-01')
        await page.locator('.trial-form .el-date-editor').nth(3).locator('input').press('Enter')
        await fillTestId(page, 'trial-principal-0', '1000000.00')
        await pickDates(page, 'trial-interest-dates', ['2023-03-21', '2023-06-21'])
        await page.getByTestId('trial-add-repayment').click()
        const repaymentDate = page.locator('.trial-form .el-date-editor').nth(5).locator('input')
        await repaymentDate.fill('2023-10-01')
        await repaymentDate.press('Enter')
        await fillTestId(page, 'trial-repayment-0', '50000.00')
        await page.getByTestId('trial-run').click()
        await page.getByTestId('trial-result').waitFor({ timeout: 10000 })

        const expected = {
          overduePrincipal: '989107.15',
          penaltyInterest: '16493.36',
          overdueInterest: '0.00',
          compoundInterest: '0.00',
          accruedInterest: '0.00',
          notDuePrincipal: '0.00',
        }
        for (const [key, value] of Object.entries(expected)) {
          const text = await shown(page, key)
          if (text !== value) throw new Error(`${key} shows ${text}, expected ${value}`)
        }
        const steps = page.getByTestId('trial-steps')
        await steps.getByText('16,675.00 元', { exact: false }).first().waitFor({ timeout: 5000 })
        await page
          .getByTestId('trial-events')
          .getByText('罚息 16,675.00 元，复利 561.32 元')
          .first()
          .waitFor()
        await page.screenshot({ path: `${OUT}/interest-trial-worked-example.png`, fullPage: true })
      } catch (error) {
        await page
          .screenshot({ path: `${OUT}/interest-trial-failure.png`, fullPage: true })
          .catch(() => {})
        throw error
      } finally {
        await page.close()
      }
    }
  )

  await step(
    '利息试算: the form fills from a real loan and shows what the API computes',
    async () => {
      const { data } = await api(token, '/api/disposal/interest-trial/loans')
      if (!data.length) throw new Error('no loans to pick')
      const loan = data[0]
      const filled = await api(token, `/api/disposal/interest-trial/loans/${loan.id}`)
      const response = await fetch(`${BASE}/api/disposal/interest-trial`, {
        method: 'POST',
        headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(filled.input),
      })
      if (!response.ok) throw new Error(`trial of the prefilled loan: ${response.status}`)
      const expected = await response.json()

      const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
      try {
        await login(page, 'admin', 'Admin@12345')
        await page.goto(`${BASE}/p/disposal/InterestTrial`)
        const picker = page.getByTestId('trial-loan-picker')
        await picker.click()
        await picker.locator('input').fill(loan.loanNo)
        await page
          .locator('.el-select-dropdown__item:visible')
          .filter({ hasText: loan.loanNo })
          .first()
          .click()
        await page.getByText('已按借据预填').first().waitFor({ timeout: 10000 })
        await page.getByTestId('trial-run').click()
        await page.getByTestId('trial-result').waitFor({ timeout: 10000 })
        for (const key of [
          'overduePrincipal',
          'overdueInterest',
          'penaltyInterest',
          'compoundInterest',
          'total',
        ]) {
          const text = await shown(page, key)
          if (text !== expected[key])
            throw new Error(`${key} shows ${text}, the API says ${expected[key]}`)
        }
        await page.screenshot({ path: `${OUT}/interest-trial-loan.png`, fullPage: true })
      } finally {
        await page.close()
      }
    }
  )

  await step(
    '时效管理: a risk asset shows its periods; a 催收 with proof interrupts the 诉讼时效',
    async () => {
      const { data } = await api(token, '/api/disposal/limitation/assets?perPage=200')
      // One whose 诉讼时效 still runs, so the 催收 interrupts it (and feeds the reminder engine).
      const row = data.find((r) => r.litigationStatus === 'running')
      if (!row) throw new Error('no risk asset with a running limitation period in the demo')
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
      try {
        await login(page, 'admin', 'Admin@12345')
        await page.goto(`${BASE}/p/disposal/LimitationAssets?loanId=${row.loanId}`)
        const drawer = page.getByTestId('limitation-drawer')
        await drawer
          .getByTestId('limitation-periods')
          .getByText('诉讼时效')
          .first()
          .waitFor({ timeout: 10000 })
        await drawer.getByText('第一百八十八条').first().waitFor()

        // Yesterday (UTC): never after the demo's business date (today in Shanghai).
        const eventDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
        await drawer.getByTestId('limitation-add-event').click()
        const form = page.getByTestId('limitation-event-form')
        await typeDate(page, 'event-date', eventDate)
        await fillTestId(page, 'event-proof', 'E2E-催收-0001')
        await page.getByTestId('event-save').click()
        await drawer
          .getByTestId('limitation-events')
          .getByText('E2E-催收-0001')
          .first()
          .waitFor({ timeout: 10000 })
        await form.waitFor({ state: 'hidden' })
        const detail = await api(token, `/api/disposal/limitation/loans/${row.loanId}`)
        const event = detail.events.find((e) => e.proofRef === 'E2E-催收-0001')
        const litigation = detail.periods.find((p) => p.key === 'litigation')
        if (event.effect !== 'interrupt') throw new Error(`effect ${event.effect}, not interrupt`)
        if (litigation.base !== eventDate)
          throw new Error(`interrupted, but the period runs from ${litigation.base}`)
        await page.screenshot({ path: `${OUT}/limitation-drawer.png`, fullPage: true })
      } catch (error) {
        await page
          .screenshot({ path: `${OUT}/limitation-failure.png`, fullPage: true })
          .catch(() => {})
        throw error
      } finally {
        await page.close()
      }
    }
  )

  await step('时效规则: the statutory rules show with their legal basis', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    try {
      await login(page, 'admin', 'Admin@12345')
      await page.goto(`${BASE}/p/disposal/LimitationRules`)
      const table = page.getByTestId('limitation-rules')
      for (const text of ['诉讼时效', '保证期间', '申请执行时效', '第二百五十条', '第六百九十二条'])
        await table.getByText(text).first().waitFor({ timeout: 10000 })
      await page.screenshot({ path: `${OUT}/limitation-rules.png`, fullPage: true })
    } finally {
      await page.close()
    }
  })
}
