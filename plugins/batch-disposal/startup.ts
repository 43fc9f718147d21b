/*
| Registers the 资产包 as a kind of 上会事项 with the committee, in every process
| that may announce a decision.
*/
import type { PluginStartup } from '#core/plugins/types'
import { registerItemKind } from '../committee/services/committee_api.js'
import { COMMITTEE_KIND, committeeDecided, packageLink } from './domain/committee.js'

export function registerCommitteeKind() {
  registerItemKind(COMMITTEE_KIND, {
    label: { zh: '批量处置资产包', en: 'Batch disposal package' },
    link: packageLink,
    onDecided: committeeDecided,
  })
}

const startup: PluginStartup = async () => {
  registerCommitteeKind()
}

export default startup
