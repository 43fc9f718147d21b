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
import { test, expect } from '../support/test.mjs'
import {
  BASE,
  api,
  apiLogin,
  approveInDrawer,
  login,
  settled,
  shot,
  sqliteNow,
  withSqlite,
} from '../support/helpers.mjs'

const TYPE = 'e2e:plan'

function seedApproval(applicant, chain) {
  return withSqlite((sqlite) => {
    const now = sqliteNow()
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
  })
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

test('我的审批: the branch manager approves from 待办, the head office completes it', async ({
  page,
  signIn,
}) => {
  const applicantToken = await apiLogin('bj_cy_am')
  const applicant = (await api(applicantToken, '/api/me')).user
  const branchUser = (await api(await apiLogin('bj_asset'), '/api/me')).user
  const instanceId = seedApproval({ id: Number(applicant.id), orgId: Number(applicant.orgId) }, [
    {
      ...node(1, '分行审批', 'Branch approval', ['branch_asset_manager'], 'branch'),
      assigneeId: Number(branchUser.id),
    },
    node(2, '总行审批', 'Head office approval', ['hq_risk_manager'], 'head', '100000000'),
  ])

  await login(page, 'bj_asset')
  await page.getByTestId('side-menu').getByText('我的审批').click()
  await page.waitForURL(/\/workflow\/tasks/)
  await expect(page.getByTestId(`workflow-open-${instanceId}`)).toBeVisible()
  await expect(page.getByTestId('workflow-count-todo')).toBeVisible()
  await settled(page)
  await shot(page, 'workflow-todo')

  await page.getByTestId(`workflow-open-${instanceId}`).click()
  await expect(page.getByTestId('workflow-instance-title')).toBeVisible()
  await shot(page, 'workflow-detail', false)
  await approveInDrawer(page, '同意，请总行审批')
  // 1 500 000.00 ≥ the 1 000 000.00 tier: still in approval, now at 总行.
  await expect(page.getByTestId('workflow-history').getByText('同意，请总行审批')).toBeVisible()
  await expect(page.getByTestId('workflow-actions')).toHaveCount(0)
  await shot(page, 'workflow-after-branch', false)
  await page.close()

  const head = await signIn('hq_risk')
  await head.goto(`${BASE}/workflow/instances/${instanceId}`)
  await expect(head.getByTestId('workflow-action-approve')).toBeVisible()
  await approveInDrawer(head, '总行同意')
  await expect(head.getByTestId('workflow-instance-status').getByText('已通过')).toBeVisible()
  await shot(head, 'workflow-approved')

  const mine = await api(applicantToken, '/api/workflow/tasks?box=mine')
  const row = mine.data.find((r) => r.instanceId === instanceId)
  expect(row?.status, 'the applicant sees it approved').toBe('approved')
})

test('流程管理: the administrator opens a chain', async ({ page }) => {
  await login(page, 'admin')
  await page.goto(`${BASE}/system/workflow`)
  await expect(page.getByTestId('workflow-types-table')).toBeVisible()
  // The demo's plugins declare approval types: each row has its 编辑.
  await page.locator('[data-testid^="workflow-edit-"]').first().click()
  await expect(
    page.getByTestId('workflow-chain-editor').getByTestId('workflow-chain-save')
  ).toBeVisible()
  await shot(page, 'workflow-chains')
})
