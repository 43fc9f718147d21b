/*
| Registers the 抵债资产收取 as a kind of 上会事项 with the committee, in every
| process that may announce a decision.
*/
import type { PluginStartup } from '#core/plugins/types'
import { registerItemKind } from '../committee/services/committee_api.js'
import { COMMITTEE_KIND, receiptLink, committeeDecided } from './receipts/committee.js'

const startup: PluginStartup = async () => {
  registerItemKind(COMMITTEE_KIND, {
    label: { zh: '以资抵债', en: 'Foreclosure' },
    link: receiptLink,
    onDecided: committeeDecided,
  })
}

export default startup
