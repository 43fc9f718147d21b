/*
| Registers the committee item kind `foreclosed-assets:disposal` (docs/plugins.md
| "Putting an item before the committee"): a disposal whose 入账价值 reaches the
| committee threshold goes to the 资产处置委员会 and completes on its 通过.
*/
import type { PluginStartup } from '#core/plugins/types'
import { registerItemKind } from '../committee/services/committee_api.js'
import { committeeDecided, COMMITTEE_KIND } from './disposal/disposal_service.js'

export function registerForeclosedAssetKinds() {
  registerItemKind(COMMITTEE_KIND, {
    label: { zh: '抵债资产处置', en: 'Foreclosed asset disposal' },
    link: (id) => `/p/foreclosed-assets/DisposalSales?id=${id}`,
    onDecided: async ({ trx, item, decision, resolutionNo, actorId }) =>
      committeeDecided(trx, Number(item.recordRef.id), decision, resolutionNo, actorId),
  })
}

const startup: PluginStartup = async () => {
  registerForeclosedAssetKinds()
}
export default startup
