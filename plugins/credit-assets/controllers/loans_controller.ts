import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf, type UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { enabledExtensions, extensionValues } from '#core/extensions/extensions'
import { audit } from '#core/audit/audit'
import { businessDate } from '#core/business_day/business_date'
import { pageValidator } from '#core/validation/page'
import { reclassifyValidator } from '../validators/lists.js'
import { reclassifyLoan } from '../services/classification.js'
import { fenText, LOAN_MONEY_COLUMNS } from '../services/money_sql.js'
import { businessDateOf, loanDetail, yuan } from '../services/serialize.js'

const parseJson = (text: unknown) => (typeof text === 'string' && text ? JSON.parse(text) : null)

/** 借据详情 and its timeline. Every lookup goes through the data scope: out of scope is 404. */
export default class LoansController {
  private scoped(access: UserAccess) {
    return applyDataScope(db.from('ca_loans as l'), access, {
      orgColumn: 'l.org_id',
      ownerColumn: 'l.manager_id',
    })
  }

  private async findLoan(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const query = this.scoped(await accessOf(ctx)).select(
      'l.*',
      ...LOAN_MONEY_COLUMNS.map((c) => fenText(`l.${c}`, `${c}_text`))
    )
    if (!Number.isSafeInteger(id)) query.whereRaw('1 = 0')
    else query.where('l.id', id)
    const loan = await query.firstOrFail()
    for (const c of LOAN_MONEY_COLUMNS) loan[c] = loan[`${c}_text`]
    return loan
  }

  async show(ctx: HttpContext) {
    const loan = await this.findLoan(ctx)
    const [customer, contract, guarantees, collaterals, history, riskAsset] = await Promise.all([
      db.from('ca_customers').where('id', loan.customer_id).first(),
      db
        .from('ca_contracts')
        .where('id', loan.contract_id)
        .select('*', fenText('amount_fen', 'amount_text'))
        .first(),
      db
        .from('ca_guarantees')
        .where('loan_id', loan.id)
        .orderBy('id')
        .select('*', fenText('amount_fen', 'amount_text')),
      db
        .from('ca_collaterals')
        .where('loan_id', loan.id)
        .orderBy('id')
        .select('*', fenText('value_fen', 'value_text')),
      db.from('ca_classification_history').where('loan_id', loan.id).orderBy('id'),
      db.from('ca_risk_assets').where('loan_id', loan.id).first(),
    ])
    // Fields other plugins add to loans (manifest extensionFields), in the drawer's 扩展信息.
    const extensions = await extensionValues(
      await enabledExtensions(),
      'credit-assets:loan',
      loan.id,
      await accessOf(ctx)
    )
    return {
      extensions,
      ...loanDetail(loan),
      customer: customer && {
        id: customer.id,
        customerNo: customer.customer_no,
        name: customer.name,
        customerType: customer.customer_type,
        idType: customer.id_type,
        idNo: customer.id_no,
        industry: customer.industry,
        region: customer.region,
        groupName: customer.group_name,
      },
      contract: contract && {
        id: contract.id,
        contractNo: contract.contract_no,
        amount: yuan(contract.amount_text),
        startDate: businessDateOf(contract.start_date),
        maturityDate: businessDateOf(contract.maturity_date),
      },
      guarantees: guarantees.map((g) => ({
        id: g.id,
        guaranteeType: g.guarantee_type,
        guarantorName: g.guarantor_name,
        guarantorIdType: g.guarantor_id_type,
        guarantorIdNo: g.guarantor_id_no,
        amount: yuan(g.amount_text),
      })),
      collaterals: collaterals.map((c) => ({
        id: c.id,
        collateralRef: c.collateral_ref,
        collateralType: c.collateral_type,
        name: c.name,
        value: yuan(c.value_text),
        valuationDate: businessDateOf(c.valuation_date),
        status: c.status,
      })),
      classificationHistory: history.map((h) => ({
        id: h.id,
        fromClass: h.from_class,
        toClass: h.to_class,
        changedOn: businessDateOf(h.changed_on),
        reason: h.reason,
        operatorId: h.operator_id,
      })),
      riskAsset: riskAsset && {
        status: riskAsset.status,
        enteredOn: businessDateOf(riskAsset.entered_on),
        exitedOn: businessDateOf(riskAsset.exited_on),
        exitReason: riskAsset.exit_reason,
      },
    }
  }

  /** 时间轴: the loan's risk events, newest first, paged. */
  async timeline(ctx: HttpContext) {
    const loan = await this.findLoan(ctx)
    const { page, perPage } = await ctx.request.validateUsing(pageValidator)
    const result = await db
      .from('ca_risk_events')
      .where('loan_id', loan.id)
      .orderBy('id', 'desc')
      .paginate(page ?? 1, perPage ?? 50)
    return {
      data: result.all().map((e) => ({
        id: e.id,
        eventType: e.event_type,
        businessDate: businessDateOf(e.business_date),
        before: parseJson(e.before_json),
        after: parseJson(e.after_json),
        operatorId: e.operator_id,
      })),
      meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
    }
  }

  /** 五级分类调整: appends a history row (and a timeline event for a risk asset). */
  async reclassify(ctx: HttpContext) {
    const loan = await this.findLoan(ctx)
    const input = await ctx.request.validateUsing(reclassifyValidator)
    const user = ctx.auth.getUserOrFail()
    const changed = await reclassifyLoan(
      {
        loanId: loan.id,
        to: input.fiveClass,
        businessDate: await businessDate.current(),
        reason: input.reason,
        operatorId: user.id,
      },
      (trx, from) =>
        audit.record(ctx, {
          action: 'credit-assets.loan.reclassify',
          entityType: 'ca_loan',
          entityId: loan.id,
          before: { fiveClass: from },
          after: { fiveClass: input.fiveClass },
          detail: input.reason,
          trx,
        })
    )
    return { changed: Boolean(changed), fiveClass: input.fiveClass }
  }
}
