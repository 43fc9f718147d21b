import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf, type UserAccess } from '#core/auth/user_access'
import { applyDataScope } from '#core/auth/data_scope'
import { riskAssetListValidator } from '../validators/lists.js'
import { applyLoanFilters, latestFlagDate } from '../services/loan_filters.js'
import { loanListRow } from '../services/serialize.js'
import { fenText } from '../services/money_sql.js'

/** Columns a list may sort by; user input never reaches SQL any other way. */
const SORTABLE: Record<string, string> = {
  loanNo: 'l.loan_no',
  balance: 'l.balance_fen',
  amount: 'l.amount_fen',
  overdueDays: 'l.overdue_days',
  fiveClass: 'l.five_class',
  enteredOn: 'r.entered_on',
}

/** 风险资产: loans handed over to risk-asset management, within the user's data scope. */
export default class RiskAssetsController {
  private scoped(access: UserAccess) {
    const query = db
      .from('ca_risk_assets as r')
      .join('ca_loans as l', 'l.id', 'r.loan_id')
      .join('ca_customers as c', 'c.id', 'l.customer_id')
    return applyDataScope(query, access, { orgColumn: 'l.org_id', ownerColumn: 'l.manager_id' })
  }

  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(riskAssetListValidator)
    const query = this.scoped(await accessOf(ctx))
    await applyLoanFilters(query, input)
    if (input.status) query.where('r.status', input.status)
    const flagDate = await latestFlagDate()
    if (flagDate) {
      query.leftJoin('ca_floor_flags as f', (join) => {
        join.on('f.loan_id', '=', 'l.id').andOnVal('f.business_date', '=', flagDate)
      })
      if (input.floorFlag === 'below') query.whereNotNull('f.id')
      if (input.floorFlag === 'ok') query.whereNull('f.id')
    } else if (input.floorFlag === 'below') query.whereRaw('1 = 0')
    query
      .leftJoin('orgs as o', 'o.id', 'l.org_id')
      .select(
        'r.id',
        'r.loan_id',
        'r.status',
        'r.entered_on',
        'l.loan_no',
        'l.product',
        'l.org_id',
        'l.manager_id',
        'l.currency',
        fenText('l.amount_fen', 'amount_fen'),
        fenText('l.balance_fen', 'balance_fen'),
        'l.overdue_days',
        'l.five_class',
        'l.customer_id',
        'c.name as customer_name',
        'c.customer_type',
        'o.name as org_name',
        db.raw(flagDate ? 'f.floor_class' : 'NULL as floor_class')
      )
      .orderBy(SORTABLE[input.sort ?? ''] ?? 'r.id', input.order ?? 'desc')
    if (input.sort && SORTABLE[input.sort]) query.orderBy('r.id', 'desc')
    const result = await query.paginate(input.page ?? 1, input.perPage ?? 20)
    return {
      data: result.all().map(loanListRow),
      meta: {
        total: result.total,
        page: result.currentPage,
        perPage: result.perPage,
        floorFlagDate: flagDate,
      },
    }
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
