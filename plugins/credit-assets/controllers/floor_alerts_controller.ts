import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { floorAlertListValidator } from '../validators/lists.js'
import { applyLoanFilters, latestFlagDate } from '../services/loan_filters.js'
import { loanListRow } from '../services/serialize.js'
import { fenText } from '../services/money_sql.js'

const SORTABLE: Record<string, string> = {
  loanNo: 'l.loan_no',
  balance: 'l.balance_fen',
  overdueDays: 'f.overdue_days',
  fiveClass: 'f.current_class',
  floorClass: 'f.floor_class',
}

/** 分类下限预警: loans the daily step found classified better than their floor on a business date. */
export default class FloorAlertsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(floorAlertListValidator)
    const date = input.businessDate ?? (await latestFlagDate())
    const query = db
      .from('ca_floor_flags as f')
      .join('ca_loans as l', 'l.id', 'f.loan_id')
      .join('ca_customers as c', 'c.id', 'l.customer_id')
      .leftJoin('orgs as o', 'o.id', 'l.org_id')
    applyDataScope(query, await accessOf(ctx), {
      orgColumn: 'l.org_id',
      ownerColumn: 'l.manager_id',
    })
    if (date) query.where('f.business_date', date)
    else query.whereRaw('1 = 0')
    // The flag keeps the class and overdue days of its date; filter on those.
    await applyLoanFilters(query, {
      ...input,
      fiveClass: undefined,
      overdueMin: undefined,
      overdueMax: undefined,
    })
    if (input.fiveClass) query.where('f.current_class', input.fiveClass)
    if (input.overdueMin !== undefined) query.where('f.overdue_days', '>=', input.overdueMin)
    if (input.overdueMax !== undefined) query.where('f.overdue_days', '<=', input.overdueMax)
    query
      .select(
        'f.id',
        'f.loan_id',
        'f.business_date',
        'f.current_class as five_class',
        'f.floor_class',
        'f.overdue_days',
        'l.loan_no',
        'l.product',
        'l.org_id',
        'l.manager_id',
        'l.currency',
        fenText('l.amount_fen', 'amount_fen'),
        fenText('l.balance_fen', 'balance_fen'),
        'l.status',
        'l.customer_id',
        'c.name as customer_name',
        'c.customer_type',
        'o.name as org_name'
      )
      .orderBy(SORTABLE[input.sort ?? ''] ?? 'f.overdue_days', input.order ?? 'desc')
      .orderBy('f.id', 'desc')
    const result = await query.paginate(input.page ?? 1, input.perPage ?? 20)
    return {
      data: result.all().map(loanListRow),
      meta: {
        total: result.total,
        page: result.currentPage,
        perPage: result.perPage,
        businessDate: date,
      },
    }
  }
}
