/*
| 组建资产池 from 综合查询: a saved query (我的查询, own or shared with the user's
| role) or ad-hoc conditions in the same shape, over the 风险资产 dataset,
| narrows the pool filter. The core compiles it exactly as 综合查询 runs it —
| catalogue-checked fields, bound values, the user's data scope for the
| dataset — and the pool takes the loan ids it yields as a subquery, so the
| INSERT … SELECT stays one statement. The pool is built from today's book:
| an as-of (时点) query or a grouped one is refused.
*/
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { UserAccess } from '#core/identity/user_access'
import { compileQuery } from '#core/query/compile_query'
import { showSaved } from '#core/query/saved_queries'
import type { QuerySpec } from '#core/query/query_spec'
import { BatchError } from './batch_error.js'

/* The loan key of each dataset a pool may be built from (credit-assets declares it for extensions). */
const LOAN_KEY: Record<string, string> = { 'credit-assets:risk-assets': 'l.id' }

export interface PoolQuery {
  savedQueryId?: number
  query?: QuerySpec
}

/** A factory of the loan-id subquery, and what to call it in the audit; null when no query is given. */
export async function poolQueryLoans(access: UserAccess, input: PoolQuery) {
  if (input.savedQueryId && input.query)
    throw new BatchError(422, '请在“已保存的综合查询”和“临时查询条件”中选择一种')
  let spec = input.query
  let name = '临时查询条件'
  if (input.savedQueryId) {
    const saved = await showSaved(access, input.savedQueryId)
    spec = saved.query
    name = saved.name
  }
  if (!spec) return null
  const key = LOAN_KEY[spec.dataset]
  if (!key) throw new BatchError(422, '入池只能使用“风险资产”数据集的综合查询')
  if (spec.asOf) throw new BatchError(422, '入池按当前账面，不能使用时点（as-of）查询')
  const compiled = await compileQuery(access, spec)
  if (compiled.grouped) throw new BatchError(422, '入池不能使用分组汇总的综合查询')
  return {
    name,
    loans: (): DatabaseQueryBuilderContract => compiled.filtered().clearSelect().select(key),
  }
}
