/*
| Registers the committee item kind `relief:plan` (docs/plugins.md "Putting an
| item before the committee"): a plan whose relieved interest exceeds the rule's
| percentage goes to the 资产处置委员会 and continues from its decision.
*/
import type { PluginStartup } from '#core/plugins/types'
import { registerItemKind } from '../committee/services/committee_api.js'
import { committeeDecided, COMMITTEE_KIND } from './plan/plan_service.js'

export function registerReliefKinds() {
  registerItemKind(COMMITTEE_KIND, {
    label: { zh: '债权减免方案', en: 'Relief plan' },
    link: (id) => `/p/relief/PlanApply?id=${id}`,
    onDecided: async ({ trx, item, decision, resolutionNo, actorId }) =>
      committeeDecided(trx, Number(item.recordRef.id), decision, resolutionNo, actorId),
  })
}

const startup: PluginStartup = async () => {
  registerReliefKinds()
}
export default startup
