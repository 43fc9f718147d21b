import { definePart } from '#core/plugins/define_part'

/*
| 台账 framework: no menu of its own (each ledger's page is synced under the
| menu its plugin names, see backend/ledgers/ledger_menus.ts), one queued job
| for every ledger's xlsx export.
*/
export default definePart({
  area: 'ledgers',
  jobs: [{ name: 'system:ledger-export', handler: () => import('#core/ledgers/export_job') }],
})
