/*
| 台账 of forms. start/routes/ledgers.ts registers one route set per declared
| ledger at boot; a form becomes a ledger later, so its routes take the id as
| a parameter (`form-…`, after the declared ones) and check the form's own
| permission here: unknown and forbidden are the same 404.
*/
import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'
import { middleware } from '#start/kernel'
import { accessOf } from '#core/identity/user_access'
import { ledgerRegistry } from '#core/ledgers/registry'

const Ledgers = () => import('#core/ledgers/ledgers_controller')
const Views = () => import('#core/ledgers/ledgers_views_controller')

async function formLedger(ctx: HttpContext) {
  const ledger = await ledgerRegistry.find(String(ctx.params.ledgerId))
  if (!ledger || ledger.pluginId !== 'system' || !(await accessOf(ctx)).can(ledger.permission))
    return null
  return ledger
}

const notFound = (ctx: HttpContext) => ctx.response.notFound({ message: ctx.i18n('http.notFound') })

const ledgerAction =
  (action: 'show' | 'rows' | 'totals' | 'print' | 'export') => async (ctx: HttpContext) => {
    const ledger = await formLedger(ctx)
    return ledger ? new (await Ledgers()).default()[action](ctx, ledger) : notFound(ctx)
  }
const viewAction = (action: 'index' | 'store' | 'destroy') => async (ctx: HttpContext) => {
  const ledger = await formLedger(ctx)
  return ledger ? new (await Views()).default()[action](ctx, ledger) : notFound(ctx)
}

export function formLedgerRoutes() {
  const ledgerId = /^form-[a-z0-9-]{2,40}$/
  router
    .group(() => {
      router.get('/:ledgerId', ledgerAction('show')).where('ledgerId', ledgerId)
      router.get('/:ledgerId/rows', ledgerAction('rows')).where('ledgerId', ledgerId)
      router.get('/:ledgerId/totals', ledgerAction('totals')).where('ledgerId', ledgerId)
      router.get('/:ledgerId/print', ledgerAction('print')).where('ledgerId', ledgerId)
      router.post('/:ledgerId/exports', ledgerAction('export')).where('ledgerId', ledgerId)
      router.get('/:ledgerId/views', viewAction('index')).where('ledgerId', ledgerId)
      router.post('/:ledgerId/views', viewAction('store')).where('ledgerId', ledgerId)
      router
        .delete('/:ledgerId/views/:viewId', viewAction('destroy'))
        .where('ledgerId', ledgerId)
        .where('viewId', router.matchers.number())
    })
    .prefix('/api/ledgers')
    .use(middleware.auth())
}
