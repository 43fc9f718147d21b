/*
| A ledger's side-menu page, written by the plugin sync next to the declaring
| plugin's own menus (same source, so disabling the plugin hides it). Every
| ledger opens the one core page with its id in the path.
*/
import type { LedgerDefinition } from '#core/plugins/types'

export function ledgerMenuRow(pluginId: string, ledger: LedgerDefinition, index: number) {
  return {
    code: `${pluginId}:ledger:${ledger.id}`,
    parent_code: ledger.menu.parent,
    source: pluginId,
    type: 'page',
    name_zh: ledger.name.zh,
    name_en: ledger.name.en,
    permission: ledger.permission,
    page_key: LEDGER_PAGE,
    path: `/ledgers/${ledger.id}`,
    icon: ledger.menu.icon ?? 'Notebook',
    sort: ledger.menu.order ?? index + 1,
    active: true,
  }
}

/** The one console page every ledger uses (frontend/src/areas/ledgers/pages/ledgers/LedgerPage.vue). */
export const LEDGER_PAGE = 'ledgers/LedgerPage'
