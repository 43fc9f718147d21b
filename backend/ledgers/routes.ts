/*
| 台账 routes, one set per ledger the enabled plugins declare, each behind that
| ledger's own permission code (its export behind exportPermission when set):
|
|   GET    /api/ledgers/<id>               definition (columns, filters, export allowed)
|   GET    /api/ledgers/<id>/rows          page + row count (filters, sort, asOf)
|   GET    /api/ledgers/<id>/totals        合计 over every filtered row (same filters)
|   GET    /api/ledgers/<id>/print         up to 2000 rows + print header facts
|   POST   /api/ledgers/<id>/exports       queue the xlsx export → 202 { jobId }
|   GET    /api/ledgers/<id>/views         my saved views; POST saves; DELETE /views/:viewId
|
| The export's download is the exports area's route (backend/exports/part.ts).
*/
import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'
import { middleware } from '#start/kernel'
import { ledgerRegistry, type RegisteredLedger } from '#core/ledgers/registry'

const Ledgers = () => import('#core/ledgers/ledgers_controller')
const Views = () => import('#core/ledgers/ledgers_views_controller')

const can = (permission: string) => middleware.can({ permission })

type LedgerAction = 'show' | 'rows' | 'totals' | 'print' | 'export'
type ViewAction = 'index' | 'store' | 'destroy'

/** A handler that loads the controller lazily and hands it the ledger of this route. */
const ledgerHandler =
  (ledger: RegisteredLedger, action: LedgerAction) => async (ctx: HttpContext) =>
    new (await Ledgers()).default()[action](ctx, ledger)
const viewHandler = (ledger: RegisteredLedger, action: ViewAction) => async (ctx: HttpContext) =>
  new (await Views()).default()[action](ctx, ledger)

// Declared ledgers only: reading forms' ledgers would query the database while the app boots.
const ledgers = await ledgerRegistry.declared()

router
  .group(() => {
    for (const ledger of ledgers) {
      const view = can(ledger.permission)
      const base = `/ledgers/${ledger.id}`
      router.get(base, ledgerHandler(ledger, 'show')).use(view)
      router.get(`${base}/rows`, ledgerHandler(ledger, 'rows')).use(view)
      router.get(`${base}/totals`, ledgerHandler(ledger, 'totals')).use(view)
      router.get(`${base}/print`, ledgerHandler(ledger, 'print')).use(view)
      router
        .post(`${base}/exports`, ledgerHandler(ledger, 'export'))
        .use([view, can(ledger.exportPermission ?? ledger.permission)])
      router.get(`${base}/views`, viewHandler(ledger, 'index')).use(view)
      router.post(`${base}/views`, viewHandler(ledger, 'store')).use(view)
      router
        .delete(`${base}/views/:viewId`, viewHandler(ledger, 'destroy'))
        .where('viewId', router.matchers.number())
        .use(view)
    }
  })
  .prefix('/api')
  .use(middleware.auth())
