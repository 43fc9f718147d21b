/*
| Registers the write-off plan as a kind of 上会事项 with the committee, in every
| process that may announce a decision (the committee's rule: a decision never
| happens without its callback).
*/
import type { PluginStartup } from '#core/plugins/types'
import { registerItemKind } from '../committee/services/committee_api.js'
import { COMMITTEE_KIND, committeeDecided, planLink } from './plans/committee.js'

export function registerCommitteeKind() {
  registerItemKind(COMMITTEE_KIND, {
    label: { zh: '核销方案', en: 'Write-off plan' },
    link: planLink,
    onDecided: committeeDecided,
  })
}

const startup: PluginStartup = async () => {
  registerCommitteeKind()
}

export default startup
