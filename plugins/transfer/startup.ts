/*
| Registers the transfer application as a kind of 上会事项 with the committee, in
| every process that may announce a decision.
*/
import type { PluginStartup } from '#core/plugins/types'
import { registerItemKind } from '../committee/services/committee_api.js'
import { COMMITTEE_KIND, appLink, committeeDecided } from './transfers/committee.js'

export function registerCommitteeKind() {
  registerItemKind(COMMITTEE_KIND, {
    label: { zh: '债权转让申请', en: 'Claim transfer' },
    link: appLink,
    onDecided: committeeDecided,
  })
}

const startup: PluginStartup = async () => {
  registerCommitteeKind()
}

export default startup
