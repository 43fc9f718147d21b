/*
| 外部授权及流程管理 in the demo: the administrator switches 处置预案 to the
| bank's external approval system; 张朝阳客户经理 submits a plan; the demo
| simulator receives it through the outbox, approves it by its automatic rule
| and calls back as its integration account (sys_approval_flow); the plan is
| approved with no task for anyone here. The type is switched back afterwards.
*/
import { test, expect } from '../support/test.mjs'
import { BASE, SIMULATOR, api, apiLogin, login, send, shot } from '../support/helpers.mjs'

const TYPE = 'disposal:plan'

/** Sends JSON and expects a 2xx; returns the parsed body. */
async function ok(token, method, path, body) {
  const response = await send(token, method, path, body)
  const json = await response.json().catch(() => null)
  expect(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`).toBe(true)
  return json
}

async function setMode(admin, mode) {
  await api(admin, '/api/system/workflow/types')
  const chain = await api(admin, `/api/system/workflow/types/${encodeURIComponent(TYPE)}`)
  await ok(admin, 'PUT', `/api/system/workflow/types/${encodeURIComponent(TYPE)}`, {
    mode,
    nodes: chain.nodes.map(({ seq: _seq, ...node }) => node),
  })
}

const setAutoRule = (body) => ok(null, 'POST', `${SIMULATOR}/__sim/approval-flow/auto`, body)

test.use({ viewport: { width: 1440, height: 1000 } })

test('处置预案 switched to external: the simulator approves it and calls back', async ({
  page,
}) => {
  const admin = await apiLogin('admin')
  const applicant = await apiLogin('bj_cy_am')
  let instanceId
  await setMode(admin, 'external')
  try {
    await setAutoRule({ decision: 'approved', afterMs: 1500 })

    const { data: customers } = await api(applicant, '/api/disposal/plan-customers')
    let chosen = null
    for (const customer of customers) {
      const { loans } = await api(applicant, `/api/disposal/plan-customers/${customer.id}/loans`)
      const free = loans.filter((l) => !l.pendingPlanNo && !l.heldBy)
      if (free.length) {
        chosen = { customer, loanIds: [free[0].id] }
        break
      }
    }
    expect(chosen, 'bj_cy_am has a customer with a free loan').toBeTruthy()
    const plan = await ok(applicant, 'POST', '/api/disposal/plans', {
      customerId: chosen.customer.id,
      loanIds: chosen.loanIds,
      method: 'litigation',
      expectedRecovery: '12000.00',
      reasons: '外部授权系统审批演示：借款人逾期超过 90 天，拟提起诉讼。',
    })
    const submitted = await ok(applicant, 'POST', `/api/disposal/plans/${plan.id}/submit`)
    instanceId = submitted.instanceId

    // The simulator decides after 1.5 s and calls back through its own retrying client.
    await expect
      .poll(async () => (await api(applicant, `/api/disposal/plans/${plan.id}`)).status, {
        message: 'the plan is approved by the callback',
        timeout: 30_000,
      })
      .toBe('approved')

    const stats = await (await fetch(`${SIMULATOR}/__sim/approval-flow`)).json()
    const held = stats.submissions.find((s) => s.ref === `WF${instanceId}-1`)
    expect(held?.callback, `simulator: ${JSON.stringify(held ?? stats.callbacks)}`).toBe(
      'delivered'
    )
    expect(
      stats.received.appliedPerKey[`workflow:WF${instanceId}-1`],
      'the round was received exactly once'
    ).toBe(1)
  } finally {
    await setMode(admin, 'internal')
    await setAutoRule({ decision: null })
  }

  await login(page, 'bj_cy_am')
  await page.goto(`${BASE}/workflow/instances/${instanceId}`)
  await expect(page.getByText('授权及流程管理系统').first()).toBeVisible()
  await shot(page, 'external-approval')
})
