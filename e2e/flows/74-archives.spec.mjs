/*
| 客户档案管理 in the browser, as the administrator: a customer's archive is
| opened from 日常管理, a scanned image is uploaded (through the outbox to the
| 影像平台, the simulator), shows in the tree under its category and is
| previewed through our server.
*/
import { test, expect } from '../support/test.mjs'
import { api, apiLogin, fillTestId, login, settled, shot } from '../support/helpers.mjs'

test.use({ viewport: { width: 1600, height: 1000 } })

// A 16×16 PNG (the upload policy checks the content, not the name).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAGklEQVR42mP8z8BQz0AEYBxVSF+FAAhKDveksOjmAAAAAElFTkSuQmCC',
  'base64'
)

test('客户档案管理: upload an image into the tree and preview it', async ({ page }) => {
  const token = await apiLogin('admin')
  const { data } = await api(token, '/api/credit-assets/pickers/customers?perPage=1')
  expect(data.length, 'the demo has customers').toBeGreaterThan(0)
  const customerId = data[0].value

  await login(page, 'admin')
  const menu = page.getByTestId('side-menu')
  await menu.getByText('日常管理', { exact: true }).click()
  await menu.locator('[data-menu="archives:root"]').click()
  await page.waitForURL(/\/p\/archives\/ArchivePage/)
  await page.goto(`/p/archives/ArchivePage?customerId=${customerId}`)
  await expect(page.getByTestId('archives-tree')).toBeVisible()

  const title = `E2E营业执照${Date.now()}`
  await page.getByTestId('archives-upload').click()
  await fillTestId(page, 'archives-title', title)
  await page.getByTestId('archives-file').setInputFiles({
    name: '营业执照.png',
    mimeType: 'image/png',
    buffer: PNG,
  })
  await page.getByTestId('archives-upload-submit').click()
  const node = page.getByTestId('archives-tree').getByText(title)
  await expect(node).toBeVisible()
  await node.click()
  await expect(page.getByTestId('archives-versions')).toContainText('营业执照.png')

  // Filed on the platform once the outbox delivers: the imaging no. replaces 待上传.
  await expect(async () => {
    await page.reload()
    await page.getByTestId('archives-tree').getByText(title).click()
    await expect(page.getByTestId('archives-versions')).toContainText('UP', { timeout: 2000 })
  }).toPass({ timeout: 30000 })

  await page.getByTestId('archives-versions').getByRole('button', { name: '预览' }).click()
  await expect(page.locator('.el-dialog img')).toBeVisible()
  await settled(page)
  await shot(page, 'archives-preview')
  await page.keyboard.press('Escape')
  await shot(page, 'archives-tree')
})
