/*
| Demo mode: 数据中台's non-credit feed joins bank-systems' simulator (a desk;
| the simulator picks it up on its next request, whichever started first).
| Never in production: there the feed is the bank's own 数据中台.
*/
import type { PluginStartup } from '#core/plugins/types'

const startup: PluginStartup = async ({ mode }) => {
  if (mode !== 'demo') return
  const { registerNonCreditDesk } = await import('./services/desk.js')
  registerNonCreditDesk()
}

export default startup
