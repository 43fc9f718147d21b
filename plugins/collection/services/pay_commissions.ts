/*
| 支付佣金: the assignment's accrued commissions, paid as one expense through
| the expenses plugin's public service (to be wired when it lands; see README).
*/
import type { HttpContext } from '@adonisjs/core/http'
import type { UserAccess } from '#core/auth/user_access'

export class PayError extends Error {
  constructor(
    public status: 404 | 409 | 422,
    public field: string | null,
    public zh: string,
    public en: string
  ) {
    super(en)
  }
}

export async function payCommissions(
  _ctx: HttpContext,
  _access: UserAccess,
  _assignmentId: number
) {
  throw new PayError(
    422,
    'id',
    '费用管理插件尚未接入，暂不能支付佣金',
    'Expenses are not wired yet'
  )
}
