/*
| 利息试算 and 时效管理 in the browser (administrator):
| 1. the worked example typed into the form reproduces to the fen, with
|    its step table and the repayment's allocation;
| 2. the form fills from a real loan (ca_loans, ca_repayments), and what the page
|    shows is what the API computes for the same input;
| 3. a risk asset's limitation periods open with their rules; registering a 催收
|    with proof interrupts the 诉讼时效.
*/
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  fillTestId,
  login,
  send,
  shot,
  typeDate,
} from '../support/helpers.mjs'

/** Picks days in an el-date-picker type="dates" (popper-class `<testId>-popper`) by walking its panel (year → month → day). */
async function pickDates(page, testId, dates) {
  await page.getByTestId(testId).locator('input').first().click()
  // This picker's own popper (popper-class `${testId}-popper`): "the last visible panel" could be
  // another picker's, still in the DOM after it closed, and the walk then waited on a hidden one.
  const panel = page.locator(`.${testId}-popper .el-picker-panel`)
  await expect(panel).toBeVisible()
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

/** A result figure as the page shows it, thousands separators dropped; retried until it matches. */
const expectShown = (page, key, value, message) =>
  expect
    .poll(
      async () => (await page.getByTestId(`trial-${key}`).innerText()).replace(/,/g, '').trim(),
      { message: message ?? key }
    )
    .toBe(value)

let token
test.beforeAll(async () => {
  token = await apiLogin('admin')
})

test.describe('利息试算', () => {
  test.use({ viewport: { width: 1440, height: 1100 } })

  test('the worked example reproduces to the fen, with its step table', async ({ page }) => {
    await login(page, 'admin')
    const menu = page.getByTestId('side-menu')
    await menu.getByText('资产处置', { exact: true }).first().click()
    await menu.getByText('处置管理', { exact: true }).click()
    await menu.locator('[data-menu="disposal:interest-trial"]').click()
    await page.waitForURL(/\/p\/disposal\/InterestTrial/)

    await typeDate(page, 'trial-start', '2023-01-01')
    await typeDate(page, 'trial-asof', '2024-01-01')
    await fillTestId(page, 'trial-rate-0', '4.35')
    const dateInput = (n) => page.locator('.trial-form .el-date-editor').nth(n).locator('input')
    await dateInput(2).fill('2023-01-01')
    await dateInput(2).press('Enter')
    await dateInput(3).fill('2023-07-01')
    await dateInput(3).press('Enter')
    await fillTestId(page, 'trial-principal-0', '1000000.00')
    await pickDates(page, 'trial-interest-dates', ['2023-03-21', '2023-06-21'])
    await page.getByTestId('trial-add-repayment').click()
    await dateInput(5).fill('2023-10-01')
    await dateInput(5).press('Enter')
    await fillTestId(page, 'trial-repayment-0', '50000.00')
    await page.getByTestId('trial-run').click()
    await expect(page.getByTestId('trial-result')).toBeVisible()

    const expected = {
      overduePrincipal: '989107.15',
      penaltyInterest: '16493.36',
      overdueInterest: '0.00',
      compoundInterest: '0.00',
      accruedInterest: '0.00',
      notDuePrincipal: '0.00',
    }
    for (const [key, value] of Object.entries(expected)) await expectShown(page, key, value)
    await expect(
      page.getByTestId('trial-steps').getByText('16,675.00 元', { exact: false }).first()
    ).toBeVisible()
    await expect(
      page.getByTestId('trial-events').getByText('罚息 16,675.00 元，复利 561.32 元').first()
    ).toBeVisible()
    await shot(page, 'interest-trial-worked-example')
  })

  test('the form fills from a real loan and shows what the API computes', async ({ page }) => {
    const { data } = await api(token, '/api/disposal/interest-trial/loans')
    expect(data.length, 'loans to pick').toBeGreaterThan(0)
    const loan = data[0]
    const filled = await api(token, `/api/disposal/interest-trial/loans/${loan.id}`)
    const response = await send(token, 'POST', '/api/disposal/interest-trial', filled.input)
    expect(response.status, 'trial of the prefilled loan').toBe(200)
    const expected = await response.json()

    await login(page, 'admin')
    await page.goto(`${BASE}/p/disposal/InterestTrial`)
    const picker = page.getByTestId('trial-loan-picker')
    await picker.click()
    await picker.locator('input').fill(loan.loanNo)
    await page
      .locator('.el-select-dropdown__item:visible')
      .filter({ hasText: loan.loanNo })
      .first()
      .click()
    await expect(page.getByText('已按借据预填').first()).toBeVisible()
    await page.getByTestId('trial-run').click()
    await expect(page.getByTestId('trial-result')).toBeVisible()
    for (const key of [
      'overduePrincipal',
      'overdueInterest',
      'penaltyInterest',
      'compoundInterest',
      'total',
    ])
      await expectShown(page, key, expected[key], `${key} as the API computes it`)
    await shot(page, 'interest-trial-loan')
  })
})

test.describe('时效管理', () => {
  test.use({ viewport: { width: 1440, height: 1000 } })

  test('a risk asset shows its periods; a 催收 with proof interrupts the 诉讼时效', async ({
    page,
  }) => {
    const { data } = await api(token, '/api/disposal/limitation/assets?perPage=200')
    // One whose 诉讼时效 still runs, so the 催收 interrupts it (and feeds the reminder engine).
    const row = data.find((r) => r.litigationStatus === 'running')
    expect(row, 'a risk asset with a running limitation period in the demo').toBeTruthy()
    await login(page, 'admin')
    await page.goto(`${BASE}/p/disposal/LimitationAssets?loanId=${row.loanId}`)
    const drawer = page.getByTestId('limitation-drawer')
    await expect(
      drawer.getByTestId('limitation-periods').getByText('诉讼时效').first()
    ).toBeVisible()
    await expect(drawer.getByText('第一百八十八条').first()).toBeVisible()

    // Yesterday (UTC): never after the demo's business date (today in Shanghai).
    const eventDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    await drawer.getByTestId('limitation-add-event').click()
    const form = page.getByTestId('limitation-event-form')
    await typeDate(page, 'event-date', eventDate)
    await fillTestId(page, 'event-proof', 'E2E-催收-0001')
    await page.getByTestId('event-save').click()
    await expect(
      drawer.getByTestId('limitation-events').getByText('E2E-催收-0001').first()
    ).toBeVisible()
    await expect(form).toBeHidden()
    const detail = await api(token, `/api/disposal/limitation/loans/${row.loanId}`)
    const event = detail.events.find((e) => e.proofRef === 'E2E-催收-0001')
    const litigation = detail.periods.find((p) => p.key === 'litigation')
    expect(event.effect, 'the 催收 interrupts').toBe('interrupt')
    expect(litigation.base, 'the 诉讼时效 runs again from the 催收').toBe(eventDate)
    await shot(page, 'limitation-drawer')
  })

  test('时效规则: the statutory rules show with their legal basis', async ({ page }) => {
    await login(page, 'admin')
    await page.goto(`${BASE}/p/disposal/LimitationRules`)
    const table = page.getByTestId('limitation-rules')
    for (const text of ['诉讼时效', '保证期间', '申请执行时效', '第二百五十条', '第六百九十二条'])
      await expect(table.getByText(text).first()).toBeVisible()
    await shot(page, 'limitation-rules')
  })
})
