import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { audit } from '#core/audit/audit'
import { reveal, SensitiveDecryptError } from '#core/security/sensitive/index'

/*
| 查看完整证件号码: the one request that returns a customer's clear ID number.
| Lists, details, exports and book_api show the masked text; a user holding
| credit-assets:customer:unmask asks for the clear value of one customer in
| their data scope (out of scope = 404), and the request is audited before the
| value leaves: if the audit row cannot be written, nothing is revealed.
| A wrong or missing key fails closed (503, no value).
*/
export default class CustomersController {
  async unmask(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const query = applyDataScope(db.from('ca_customers as c'), await accessOf(ctx), {
      orgColumn: 'c.org_id',
      ownerColumn: 'c.manager_id',
    }).select('c.id', 'c.customer_no', 'c.id_no', 'c.id_no_enc')
    if (!Number.isSafeInteger(id)) query.whereRaw('1 = 0')
    else query.where('c.id', id)
    const customer = await query.firstOrFail()

    let idNo: string | null
    try {
      idNo = reveal(customer.id_no_enc)
    } catch (error) {
      if (!(error instanceof SensitiveDecryptError)) throw error
      await audit.record(ctx, {
        action: 'credit-assets.customer.unmask',
        entityType: 'ca_customer',
        entityId: customer.id,
        result: 'failure',
        detail: 'id_no: cannot decrypt (data key)',
      })
      return ctx.response.status(503).send({
        message: ctx.i18n('sensitive.unavailable'),
      })
    }
    // audit.append throws when the row cannot be written: then no value is returned.
    await audit.append(ctx, {
      action: 'credit-assets.customer.unmask',
      entityType: 'ca_customer',
      entityId: customer.id,
      detail: `id_no of ${customer.customer_no} (${customer.id_no})`,
    })
    return { id: Number(customer.id), idNo }
  }
}
