/*
| Startup of the web server: in demo mode (`npm start`) the simulator of the 13
| bank systems starts beside the app, so the demo works with no outside system.
| Never in production — a production bank's 服务管理 points at its real systems,
| and a simulator answering postings there would be a disaster.
|
| Port: env SIMULATOR_PORT, else parameter bank-systems.simulator.port (default
| 4100). The systems' default base URLs use the env/default port; an
| administrator who moves the simulator changes the base URLs in 服务管理.
|
| 授权及流程管理: the simulator sends its decisions back to this app (env
| SIMULATOR_CALLBACK_URL, else http://127.0.0.1:<PORT>) signed in as the demo
| integration account, and approves every submission by itself after
| SIMULATOR_APPROVAL_AUTO_MS (default 10 000; `off` leaves them for
| POST /__sim/approval-flow/decide).
*/
import logger from '@adonisjs/core/services/logger'
import type { PluginStartup } from '#core/plugins/types'
import { settings } from '#core/settings/settings'
import type { Simulator } from './simulator/server.js'

let running: Simulator | null = null

/** The simulator this process started (null outside demo mode). */
export function runningSimulator() {
  return running
}

/** How the simulated approval system reaches us, and its automatic rule. */
async function approvalFlow() {
  const auto = process.env.SIMULATOR_APPROVAL_AUTO_MS ?? '10000'
  const afterMs = Number(auto)
  const rule =
    auto === 'off' || !Number.isSafeInteger(afterMs) || afterMs < 0
      ? null
      : { decision: 'approved' as const, afterMs }
  try {
    const { ensureDemoIntegrationAccount } = await import('#core/demo/demo_bank')
    const account = await ensureDemoIntegrationAccount()
    const { default: env } = await import('#start/env')
    const baseUrl =
      process.env.SIMULATOR_CALLBACK_URL ?? `http://127.0.0.1:${env.get('PORT') ?? 3333}`
    return {
      auto: rule,
      callback: { baseUrl, username: account.username, password: account.password },
    }
  } catch (error) {
    // No demo bank yet: decisions are kept and can be re-sent (redeliver) later.
    logger.warn({ err: error }, 'approval-flow simulator has no integration account')
    return { auto: rule, callback: null }
  }
}

async function port() {
  const fromEnv = Number(process.env.SIMULATOR_PORT)
  if (process.env.SIMULATOR_PORT !== undefined && Number.isSafeInteger(fromEnv) && fromEnv >= 0)
    return fromEnv
  return settings.integer('bank-systems.simulator.port')
}

const startup: PluginStartup = async ({ mode }) => {
  if (mode !== 'demo') return
  const { startSimulator } = await import('./simulator/server.js')
  try {
    running = await startSimulator({ port: await port(), approvalFlow: await approvalFlow() })
  } catch (error) {
    // A second demo on this machine holds the port: the app still starts, the systems show down.
    logger.warn({ err: error }, 'bank-systems simulator did not start')
    return
  }
  logger.info({ url: running.url }, 'bank-systems simulator listening')
  const simulator = running
  return async () => {
    await simulator.stop()
    if (running === simulator) running = null
  }
}

export default startup
