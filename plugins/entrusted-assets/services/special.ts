/*
| 特定资产: risk assets flagged by hand (with a reason) or by the configurable
| rules (category, minimum loan balance, customer industry). A flag keeps the
| balance when flagged and its date; removing it sets `unflagged_on` (the row
| stays, so the as-of ledger still shows it before that day). Risk assets are
| read through credit-assets' book service and published lookups only.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { isDuplicateKey } from '#core/db/db_errors'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { EntrustedError } from './assets.js'

export const SPECIAL = 'entrusted_special_assets'
export const RULES = 'entrusted_special_rules'

export const scopedSpecial = (access: UserAccess) =>
  applyDataScope(db.from(`${SPECIAL} as s`), access, {
    orgColumn: 's.org_id',
    ownerColumn: 's.manager_id',
  })

/** Flags one risk asset (in the caller's scope) by hand; a second flag of the category is 422. */
export async function flagByHand(
  access: UserAccess,
  input: { loanId: number; category: string; reason: string }
) {
  const [risk] = await bookApi.riskAssets.byKeys([input.loanId], { access })
  const loan = risk ? await bookApi.loans.byId(input.loanId, { access }) : null
  if (!risk || !loan || risk.status !== 'managed')
    throw new EntrustedError(
      422,
      '借据不是在管的风险资产或不在您的数据权限内',
      'Not a managed risk asset in your scope',
      'loanId'
    )
  try {
    const [id] = await db.table(SPECIAL).insert({
      loan_id: loan.id,
      customer_id: loan.customerId,
      category: input.category,
      source: 'manual',
      rule_id: null,
      reason: input.reason,
      balance_fen: Money.fromYuan(loan.balance).toFen(),
      flagged_on: await businessDate.current(),
      org_id: risk.orgId,
      manager_id: risk.managerId,
      created_by: access.user.id,
      created_at: dbNow(),
    })
    return Number(id)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    throw new EntrustedError(422, '该资产已标记为此类特定资产', 'Already flagged so', 'category')
  }
}

/** Applies the enabled rules to the managed risk assets in the caller's scope; returns new flags. */
export async function applyRules(access: UserAccess) {
  const rules = await db.from(RULES).where('enabled', true).orderBy('id')
  const today = await businessDate.current()
  let added = 0
  for (const rule of rules) {
    const query = applyDataScope(
      db
        .from(book.riskAssets.as('r'))
        .join(book.loans.as('l'), 'l.id', 'r.loan_id')
        .join(book.customers.as('c'), 'c.id', 'r.customer_id')
        .where('r.status', 'managed')
        .whereNotIn(
          'r.loan_id',
          db.from(SPECIAL).where('category', rule.category).select('loan_id')
        ),
      access,
      book.riskAssets.scopeOf('r')
    )
    if (rule.min_balance_fen !== null) query.where('l.balance_fen', '>=', rule.min_balance_fen)
    if (rule.industry) query.where('c.industry', rule.industry)
    const rows = await query.select(
      'r.loan_id',
      'r.customer_id',
      'r.org_id',
      'r.manager_id',
      'l.balance_fen'
    )
    for (const r of rows) {
      try {
        await db.table(SPECIAL).insert({
          loan_id: r.loan_id,
          customer_id: r.customer_id,
          category: rule.category,
          source: 'rule',
          rule_id: rule.id,
          reason: `规则：${rule.name}`,
          balance_fen: String(r.balance_fen),
          flagged_on: today,
          org_id: r.org_id,
          manager_id: r.manager_id,
          created_by: access.user.id,
          created_at: dbNow(),
        })
        added++
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
    }
  }
  return { rules: rules.length, added }
}

export async function unflag(access: UserAccess, id: number) {
  const row = await scopedSpecial(access).where('s.id', id).whereNull('s.unflagged_on').first()
  if (!row) throw new EntrustedError(404, '特定资产不存在或无权访问', 'No such special asset')
  await db
    .from(SPECIAL)
    .where('id', id)
    .update({ unflagged_on: await businessDate.current() })
  return { id, loanId: Number(row.loan_id), category: row.category as string }
}
