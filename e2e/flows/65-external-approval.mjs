/*
| 外部授权及流程管理 in the demo: the administrator switches 处置预案 to the
| bank's external approval system; 张朝阳客户经理 submits a plan; the demo
| simulator receives it through the outbox, approves it by its automatic rule
| and calls back as its integration account (sys_approval_flow); the plan is
| approved with no task for anyone here. The type is switched back afterwards.
*/
import { BASE, OUT, api, apiLogin, login } from '../harness.mjs'

const SIM = `http://127.0.0.1:${process.env.SIMULATOR_PORT ?? 4100}`
const TYPE = 'disposal:plan'

async function send(token, method, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json().catch(() => null)
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

async function setMode(admin, mode) {
  await api(admin, '/api/system/workflow/types')
  const chain = await api(admin, `/api/system/workflow/types/${encodeURIComponent(TYPE)}`)
  await send(admin, 'PUT', `/api/system/workflow/types/${encodeURIComponent(TYPE)}`, {
    mode,
    nodes: chain.nodes.map(({ seq: _seq, ...node }) => node),
  })
}

export default async function ({ browser, step }) {
  const admin = await apiLogin('admin', 'Admin@12345')
  const applicant = await apiLogin('bj_cy_am', 'Manager@12345')
  let plan
  let instanceId

  await step(
    '处置预案 switched to external: the simulator approves it and calls back',
    async () => {
      await setMode(admin, 'external')
      try {
        const auto = await fetch(`${SIM}/__sim/approval-flow/auto`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ decision: 'approved', afterMs: 1500 }),
        })
        if (!auto.ok) throw new Error(`simulator auto rule: ${auto.status}`)

        const { data: customers } = await api(applicant, '/api/disposal/plan-customers')
        let chosen = null
        for (const customer of customers) {
          const { loans } = await api(
            applicant,
            `/api/disposal/plan-customers/${customer.id}/loans`
          )
          const free = loans.filter((l) => !l.pendingPlanNo)
          if (free.length) {
            chosen = { customer, loanIds: [free[0].id] }
            break
          }
        }
        if (!chosen) throw new Error('bj_cy_am has no customer with a free loan')
        plan = await send(applicant, 'POST', '/api/disposal/plans', {
          customerId: chosen.customer.id,
          loanIds: chosen.loanIds,
          method: 'litigation',
          expectedRecovery: '12000.00',
          reasons: '外部授权系统审批演示：借款人逾期超过 90 天，拟提起诉讼。',
        })
        const submitted = await send(applicant, 'POST', `/api/disposal/plans/${plan.id}/submit`)
        instanceId = submitted.instanceId

        let status = 'pending'
        for (let i = 0; i < 60 && status === 'pending'; i++) {
          await new Promise((r) => setTimeout(r, 500))
          status = (await api(applicant, `/api/disposal/plans/${plan.id}`)).status
        }
        if (status !== 'approved') throw new Error(`plan is ${status} after 30 s`)

        const stats = await (await fetch(`${SIM}/__sim/approval-flow`)).json()
        const held = stats.submissions.find((s) => s.ref === `WF${instanceId}-1`)
        if (!held || held.callback !== 'delivered')
          throw new Error(`simulator: ${JSON.stringify(held ?? stats.callbacks)}`)
        if (stats.received.appliedPerKey[`workflow:WF${instanceId}-1`] !== 1)
          throw new Error('the round was not received exactly once')
      } finally {
        await setMode(admin, 'internal')
        await fetch(`${SIM}/__sim/approval-flow/auto`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ decision: null }),
        })
      }

      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
      await login(page, 'bj_cy_am', 'Manager@12345')
      await page.goto(`${BASE}/workflow/instances/${instanceId}`)
      await page.getByText('授权及流程管理系统').first().waitFor({ timeout: 15000 })
      await page.waitForTimeout(600)
      await page.screenshot({ path: `${OUT}/external-approval.png`, fullPage: true })
      await page.close()
    }
  )
}
