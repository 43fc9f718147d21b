import type { HttpContext } from '@adonisjs/core/http'
import { settings } from '#core/settings/settings'
import { pickLocale } from '#core/i18n/messages'
import { findCustomer } from '../services/customer_scope.js'
import { bankSystemsSource } from '../services/bank_systems.js'
import { isPanel, loadPanel } from '../services/external_panels.js'

/**
 * One external panel of a customer's portrait. The console asks for each panel
 * on its own, so a slow system delays only its card; the answer is always 200
 * with `status: 'unavailable'` when the system is down.
 */
export default class PanelsController {
  async show(ctx: HttpContext) {
    const { customer } = await findCustomer(ctx)
    const panel = String(ctx.params.panel)
    if (!isPanel(panel)) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return loadPanel(panel, customer.customer_no, await bankSystemsSource.get(), {
      timeoutMs: await settings.integer('customer-view.panelTimeoutMs'),
      locale: pickLocale(ctx.request.header('accept-language')),
    })
  }
}
