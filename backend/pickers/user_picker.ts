/*
| 人员选择器 (console UserPicker): active users found by name, username or org,
| paged. Two modes:
|
| - Plain: users inside the caller's data scope (their org column, or themself
|   for 仅本人), optionally only holders of `permission`.
| - For a record (`recordOrgId`, optional `recordOwnerId`): the people a task,
|   message or reminder about that record may go to — active holders of
|   `permission` whose own data scope (from the roles granting it) covers the
|   record; the same rule as record_recipients.ts (scopeCovers). They may sit
|   outside the caller's scope (a branch clerk assigns a head-office reviewer),
|   so the caller must be able to see the record itself, else 404.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import { orgPathOf, scopeCovers } from '#core/identity/record_recipients'
import { SUPER_ADMIN_ROLE, UserAccess } from '#core/identity/user_access'
import User from '#core/identity/user'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { RuleError } from '#core/plugins/rule_error'

export interface UserPickerInput {
  keyword?: string
  ids?: number[]
  page: number
  perPage: number
  orgId?: number
  permission?: string
  recordOrgId?: number
  recordOwnerId?: number
}

export interface PickedUser {
  value: number
  label: string
  hint: string
}

/** How many candidates a record-mode search checks one by one (each loads its roles). */
export const RECORD_CANDIDATE_LIMIT = 500

/** A record the caller cannot open: answered like a missing one (404, by the exception handler). */
export class RecordNotVisible extends RuleError {
  constructor() {
    super(404, 'http.notFound')
  }
}

function candidates(input: UserPickerInput, orgPath: string | null) {
  const query = db
    .from('users as u')
    .join('orgs as o', 'o.id', 'u.org_id')
    .where('u.status', 'active')
    .select('u.id', 'u.username', 'u.real_name', 'o.name as org_name')
  const keyword = input.keyword?.trim()
  if (keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['u.real_name', likeContains(keyword)])
        .orWhereRaw(LIKE, ['u.username', likePrefix(keyword)])
        .orWhereRaw(LIKE, ['o.name', likeContains(keyword)])
    )
  if (input.ids) query.whereIn('u.id', input.ids)
  if (orgPath)
    query.whereIn(
      'u.org_id',
      db
        .from('orgs')
        .whereRaw(LIKE, ['path', likePrefix(orgPath)])
        .select('id')
    )
  if (input.permission) {
    const permission = input.permission
    // Holds it through an active role: the super-admin role, or a grant of an active permission.
    query.whereExists((q) =>
      q
        .from('user_roles as ur')
        .join('roles as r', 'r.id', 'ur.role_id')
        .whereRaw('ur.user_id = u.id')
        .where('r.status', 'active')
        .where((g) =>
          g
            .where('r.code', SUPER_ADMIN_ROLE)
            .orWhereExists((p) =>
              p
                .from('role_permissions as rp')
                .join('permissions as pm', 'pm.code', 'rp.permission')
                .whereRaw('rp.role_id = r.id')
                .where('rp.permission', permission)
                .where('pm.active', true)
            )
        )
    )
  }
  return query
}

const toOption = (r: any): PickedUser => ({
  value: Number(r.id),
  label: String(r.real_name),
  hint: `${r.username} · ${r.org_name}`,
})

export async function pickUsers(
  access: UserAccess,
  input: UserPickerInput
): Promise<{ data: PickedUser[]; total: number }> {
  const offset = (input.page - 1) * input.perPage
  const orgPath = input.orgId === undefined ? null : await orgPathOf(input.orgId)
  if (input.recordOrgId === undefined) {
    const query = candidates(input, orgPath)
    applyDataScope(query, access, { orgColumn: 'u.org_id', ownerColumn: 'u.id' })
    const [{ total }] = await query.clone().clearSelect().count('* as total')
    const rows = await query.orderBy('u.id').offset(offset).limit(input.perPage)
    return { data: rows.map(toOption), total: Number(total) }
  }

  const record = {
    orgId: input.recordOrgId,
    ownerId: input.recordOwnerId ?? null,
    orgPath: await orgPathOf(input.recordOrgId),
  }
  if (!scopeCovers(access, record)) throw new RecordNotVisible()
  const rows = await candidates(input, orgPath).orderBy('u.id').limit(RECORD_CANDIDATE_LIMIT)
  const users = await User.query().whereIn(
    'id',
    rows.map((r) => r.id)
  )
  const byId = new Map(users.map((u) => [u.id, u]))
  const eligible: any[] = []
  for (const row of rows) {
    const user = byId.get(Number(row.id))
    if (!user) continue
    const holder = await UserAccess.load(user)
    if (scopeCovers(holder, record, input.permission)) eligible.push(row)
  }
  return {
    data: eligible.slice(offset, offset + input.perPage).map(toOption),
    total: eligible.length,
  }
}
