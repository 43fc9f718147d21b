import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DataScope } from '#core/identity/role'
import { audit } from '#core/audit/audit'
import { accessChanged } from '#core/identity/access_cache'
import { fourEyes } from '#core/four_eyes/four_eyes'
import { dbNow } from '#core/db/db_time'

/*
| 功能权限分配 and 数据权限分配 are four-eyes change kinds: the checks run when the
| maker proposes; the write below runs when it applies (at once, or when a
| second administrator approves — see backend/four_eyes and the parameter
| system.fourEyes.kinds).
*/
export interface GrantChange {
  roleId: number
  roleCode: string
  before: string[]
  permissions: string[]
}
export interface ScopeChange {
  roleId: number
  roleCode: string
  before: { dataScope: DataScope; orgIds: number[] }
  dataScope: DataScope
  orgIds: number[]
}

/** The maker of a change: the audit row names who asked for it, whoever approved it. */
async function usernameOf(trx: TransactionClientContract, userId: number) {
  return (
    ((await trx.from('users').where('id', userId).select('username').first())
      ?.username as string) ?? null
  )
}

async function roleStillExists(trx: TransactionClientContract, roleId: number) {
  if (!(await trx.from('roles').where('id', roleId).first()))
    throw new Error(`role ${roleId} no longer exists`)
}

fourEyes.register<GrantChange>('role.grant', {
  name: { zh: '功能权限分配', en: 'Role permissions' },
  async apply(trx, change, requestedBy) {
    await roleStillExists(trx, change.roleId)
    await trx.from('role_permissions').where('role_id', change.roleId).delete()
    if (change.permissions.length) {
      await trx
        .table('role_permissions')
        .multiInsert(
          change.permissions.map((permission) => ({ role_id: change.roleId, permission }))
        )
    }
    await trx.from('roles').where('id', change.roleId).update({ updated_at: dbNow() })
    await accessChanged(trx)
    await audit.record(null, {
      trx,
      actorUsername: await usernameOf(trx, requestedBy),
      action: 'role.grant',
      entityType: 'role',
      entityId: change.roleId,
      before: { permissions: change.before },
      after: { permissions: change.permissions },
      detail: change.roleCode,
    })
  },
})

fourEyes.register<ScopeChange>('role.dataScope', {
  name: { zh: '数据权限分配', en: 'Role data scope' },
  async apply(trx, change, requestedBy) {
    await roleStillExists(trx, change.roleId)
    await trx
      .from('roles')
      .where('id', change.roleId)
      .update({ data_scope: change.dataScope, updated_at: dbNow() })
    await trx.from('role_orgs').where('role_id', change.roleId).delete()
    if (change.orgIds.length) {
      await trx
        .table('role_orgs')
        .multiInsert(change.orgIds.map((orgId) => ({ role_id: change.roleId, org_id: orgId })))
    }
    await accessChanged(trx)
    await audit.record(null, {
      trx,
      actorUsername: await usernameOf(trx, requestedBy),
      action: 'role.data_scope',
      entityType: 'role',
      entityId: change.roleId,
      before: change.before,
      after: { dataScope: change.dataScope, orgIds: change.orgIds },
      detail: change.roleCode,
    })
  },
})
