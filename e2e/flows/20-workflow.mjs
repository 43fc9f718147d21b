/*
| 授权及流程 in the browser: a 处置预案-like approval of 1 500 000.00 yuan from
| 张朝阳客户经理 waits for the branch (李北京资产); he finds it in 我的审批 › 待办,
| opens it and approves; the 授权 tier sends it to 总行 (王总行风险), who
| approves it too. The administrator sees the chain in 系统管理 › 流程管理.
|
| The approval is written straight into the demo's SQLite file, as a plugin's
| submitForApproval would leave it (no HTTP endpoint submits: plugins do, in
| their own transactions), under a type only this flow uses.
*/
import Database from 'better-sqlite3'
import { BASE, OUT, ROOT, api, apiLogin, fillTestId, login, serverEnv } from '../harness.mjs'

const TYPE = 'e2e:plan'

function seedApproval(applicant, chain) {
  const sqlite = new Database(`${ROOT}${serverEnv.SQLITE_FILE}`)
  try {
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO wf_types (code, plugin_id, name_zh, name_en, link, amount_tiers, mode, active, created_at, updated_at)
         VALUES (?, 'e2e', '处置预案（演示）', 'Disposal plan (demo)', '/workflow/tasks', 1, 'internal', 1, ?, ?)`
      )
      .run(TYPE, now, now)
    const instance = sqlite
      .prepare(
        `INSERT INTO wf_instances (type_code, business_id, title, amount_fen, applicant_id, org_id, status, mode, chain_json, current_seq, round, created_at, updated_at)
         VALUES (?, 'E2E-001', '处置预案 E2E-001 北京朝阳某贸易有限公司', '150000000', ?, ?, 'pending', 'internal', ?, 1, 1, ?, ?)`
      )
      .run(TYPE, applicant.id, applicant.orgId, JSON.stringify(chain), now, now)
    const id = Number(instance.lastInsertRowid)
    sqlite
      .prepare(
        `INSERT INTO wf_tasks (instance_id, round, node_seq, assignee_id, status, added, due_date, created_at, updated_at)
         VALUES (?, 1, 1, ?, 'pending', 0, '2099-12-31', ?, ?)`
      )
      .run(id, chain[0].assigneeId, now, now)
    sqlite
      .prepare(
        `INSERT INTO wf_history (instance_id, round, action, actor_id, created_at) VALUES (?, 1, 'submit', ?, ?)`
      )
      .run(id, applicant.id, now)
    return id
  } finally {
    sqlite.close()
  }
}

const node = (seq, zh, en, roles, org, minAmountFen = null) => ({
  seq,
  name: { zh, en },
  org,
  roles,
  posts: [],
  users: [],
  mode: 'any',
  minAmountFen,
  deadlineDays: 3,
})

async function approveInDrawer(page, comment) {
  await page.getByTestId('workflow-action-approve').click()
  await fillTestId(page, 'workflow-comment', comment)
  await page.getByTestId('workflow-action-submit').click()
  await page.getByTestId('workflow-action-dialog').waitFor({ state: 'hidden', timeout: 10000 })
  await page.waitForTimeout(600) // the dialog and its toast fade
}

export default async function ({ browser, step }) {
  let instanceId

  await step(
    '我的审批: the branch manager approves from 待办, the head office completes it',
    async () => {
      const applicantToken = await apiLogin('bj_cy_am', 'Manager@12345')
      const applicant = (await api(applicantToken, '/api/me')).user
      const branchToken = await apiLogin('bj_asset', 'Asset@12345')
      const branch = (await api(branchToken, '/api/me')).user
      instanceId = seedApproval({ id: Number(applicant.id), orgId: Number(applicant.orgId) }, [
        {
          ...node(1, '分行审批', 'Branch approval', ['branch_asset_manager'], 'branch'),
          assigneeId: Number(branch.id),
        },
        node(2, '总行审批', 'Head office approval', ['hq_risk_manager'], 'head', '100000000'),
      ])

      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(page, 'bj_asset', 'Asset@12345')
      await page.getByTestId('side-menu').getByText('我的审批').click()
      await page.waitForURL(/\/workflow\/tasks/)
      await page.getByTestId(`workflow-open-${instanceId}`).waitFor({ timeout: 10000 })
      await page.getByTestId('workflow-count-todo').waitFor({ timeout: 5000 })
      await page.waitForTimeout(500) // the table's loading mask fades
      await page.screenshot({ path: `${OUT}/workflow-todo.png`, fullPage: true })

      await page.getByTestId(`workflow-open-${instanceId}`).click()
      await page.getByTestId('workflow-instance-title').waitFor({ timeout: 10000 })
      await page.waitForTimeout(600) // the drawer slides in
      await page.screenshot({ path: `${OUT}/workflow-detail.png` })
      await approveInDrawer(page, '同意，请总行审批')
      // 1 500 000.00 ≥ the 1 000 000.00 tier: still in approval, now at 总行.
      await page
        .getByTestId('workflow-history')
        .getByText('同意，请总行审批')
        .waitFor({ timeout: 10000 })
      await page.getByTestId('workflow-actions').waitFor({ state: 'detached', timeout: 5000 })
      await page.screenshot({ path: `${OUT}/workflow-after-branch.png` })
      await page.close()

      const head = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await login(head, 'hq_risk', 'Risk@12345')
      await head.goto(`${BASE}/workflow/instances/${instanceId}`)
      await head.getByTestId('workflow-action-approve').waitFor({ timeout: 10000 })
      await approveInDrawer(head, '总行同意')
      await head
        .getByTestId('workflow-instance-status')
        .getByText('已通过')
        .waitFor({ timeout: 10000 })
      await head.screenshot({ path: `${OUT}/workflow-approved.png`, fullPage: true })
      await head.close()

      const mine = await api(applicantToken, '/api/workflow/tasks?box=mine')
      const row = mine.data.find((r) => r.instanceId === instanceId)
      if (row?.status !== 'approved') throw new Error(`applicant sees ${row?.status}`)
    }
  )

  await step('流程管理: the administrator opens a chain', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await login(page, 'admin', 'Admin@12345')
    await page.goto(`${BASE}/system/workflow`)
    const table = page.getByTestId('workflow-types-table')
    await table.waitFor({ timeout: 10000 })
    const edit = page.locator('[data-testid^="workflow-edit-"]').first()
    if (await edit.count()) {
      await edit.click()
      await page
        .getByTestId('workflow-chain-editor')
        .getByTestId('workflow-chain-save')
        .waitFor({ timeout: 10000 })
      await page.waitForTimeout(400)
    }
    await page.screenshot({ path: `${OUT}/workflow-chains.png`, fullPage: true })
    await page.close()
  })
}
