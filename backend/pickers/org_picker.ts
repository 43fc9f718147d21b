/*
| 机构选择器 (console OrgPicker): the active org tree for a form. `mine` (the
| default) is the caller's data scope — a branch user picks only their branch
| and below, the topmost visible orgs become roots — `all` is every active org,
| for filters whose results are scoped anyway.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { buildOrgTree, type OrgNode, type OrgRow } from '#core/organization/org_tree'

export async function pickOrgs(access: UserAccess, scope: 'mine' | 'all'): Promise<OrgNode[]> {
  const query = db.from('orgs').where('orgs.status', 'active').select('orgs.*').orderBy('orgs.path')
  if (scope === 'mine') applyDataScope(query, access, { orgColumn: 'orgs.id' })
  return buildOrgTree((await query) as OrgRow[])
}
