import type { ManifestPart } from '#core/system/parts/part'

/*
| 台账 framework: no menu of its own (each ledger's page is synced under the
| menu its plugin names, see backend/ledgers/ledger_menus.ts), one queued job
| for every ledger's xlsx export.
*/
const part: ManifestPart = {
  jobs: [{ name: 'system:ledger-export', handler: () => import('#core/ledgers/export_job') }],
}

export default part
