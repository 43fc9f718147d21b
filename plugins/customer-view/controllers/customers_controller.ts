import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { securityLog } from '#core/security/security_log'
import { customerSearchValidator } from '../validators/customers.js'
import { searchCustomers } from '../services/search.js'
import { findCustomer } from '../services/customer_scope.js'
import { portrait } from '../services/portrait.js'
import { streamLoansWorkbook } from '../services/loans_export.js'

/** 客户检索 and 客户画像. Every lookup goes through the data scope: out of scope is 404. */
export default class CustomersController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(customerSearchValidator)
    return searchCustomers(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    const { access, customer } = await findCustomer(ctx)
    return portrait(access, customer)
  }

  /** 关联借据 as .xlsx, streamed straight into the response (one customer's loans). */
  async exportLoans(ctx: HttpContext) {
    const { access, customer } = await findCustomer(ctx)
    const stream = await streamLoansWorkbook(
      access,
      customer,
      ctx.request.header('accept-language')
    )
    await audit.record(ctx, {
      action: 'customer.export',
      entityType: 'ca_customer',
      entityId: customer.id,
      detail: `${customer.customer_no} loans: ${stream.rows}`,
    })
    const fileName = `${customer.customer_no}-loans.xlsx`
    await securityLog.download(ctx, {
      entityType: 'ca_customer',
      entityId: customer.id,
      detail: fileName,
    })
    ctx.response.header(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    ctx.response.header(
      'Content-Disposition',
      `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(`${customer.name}-借据.xlsx`)}`
    )
    ctx.response.stream(stream.body)
  }

  /** The org tree as a flat list for the org-subtree filter (names only, no data). */
  async orgOptions() {
    const rows = await db
      .from('orgs')
      .where('status', 'active')
      .orderBy('path')
      .orderBy('sort')
      .select('id', 'code', 'name', 'parent_id')
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id }))
  }
}
