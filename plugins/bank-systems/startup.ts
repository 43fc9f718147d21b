/*
| Startup of the web server: in demo mode (`npm start`) the simulator of the 13
| bank systems starts beside the app, so the demo works with no outside system.
| Never in production — a production bank's 服务管理 points at its real systems,
| and a simulator answering postings there would be a disaster.
|
| Port: env SIMULATOR_PORT, else parameter bank-systems.simulator.port (default
| 4100). The systems' default base URLs use the env/default port; an
| administrator who moves the simulator changes the base URLs in 服务管理.
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
    running = await startSimulator({ port: await port() })
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
