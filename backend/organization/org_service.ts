/*
| 机构管理: the bank's org tree (总行 → 分行 → 支行 …, any depth). Everything is
| limited to the orgs the actor's data scope reaches: a branch administrator
| sees, creates and edits only inside their branch. A create or move that would
| put an org outside the actor's own scope is undone and refused.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { applyDataScope } from '#core/identity/data_scope'
import { GrantRefused } from '#core/identity/grant_guard'
import type { UserAccess } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { accessChanged } from '#core/identity/access_cache'
import { dbNow } from '#core/db/db_time'
import type { Actor } from './actor.js'
import { isForeignKeyViolation, OrganizationError } from './errors.js'
import {
  buildOrgTree,
  childPath,
  isSelfOrDescendant,
  relocate,
  toOrgNode,
  type OrgRow,
} from './org_tree.js'
import { countOf, scopedOrg } from './scope.js'

export interface OrgInput {
  code: string
  name: string
  shortName?: string | null
  parentId?: number | null
  sort?: number
  status?: 'active' | 'disabled'
}

export type OrgPatch = Partial<Omit<OrgInput, 'code'>>

const snapshot = (r: OrgRow) => ({
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  parentId: r.parent_id,
  level: Number(r.level),
  path: r.path,
  sort: Number(r.sort),
  status: r.status,
})

/** The org tree the access reaches (roots are the topmost visible orgs). */
export async function orgTreeFor(access: UserAccess) {
  const query = db.from('orgs').select('orgs.*').orderBy('orgs.path')
  applyDataScope(query, access, { orgColumn: 'orgs.id' })
  return buildOrgTree((await query) as OrgRow[])
}

/** Refuses when the org is not visible to the actor inside the transaction (after a write). */
async function assertStillVisible(access: UserAccess, trx: TransactionClientContract, id: number) {
  const query = trx.from('orgs').where('orgs.id', id).select('orgs.id')
  applyDataScope(query, access, { orgColumn: 'orgs.id' })
  if (!(await query.first())) throw new GrantRefused('orgOutside', { org: id })
}

async function parentFor(access: UserAccess, parentId: number | null | undefined) {
  if (!parentId) return null
  try {
    return (await scopedOrg(access, parentId)) as OrgRow
  } catch {
    // A parent the actor cannot see is refused the same way whether or not it exists.
    throw new GrantRefused('orgOutside', { org: parentId })
  }
}

export const orgService = {
  tree: (actor: Actor) => orgTreeFor(actor.access),

  async show(actor: Actor, id: number) {
    const row = (await scopedOrg(actor.access, id)) as OrgRow
    return { ...toOrgNode(row), path: row.path }
  },

  async create(actor: Actor, input: OrgInput) {
    const parent = await parentFor(actor.access, input.parentId)
    if (await db.from('orgs').where('code', input.code).first()) {
      throw OrganizationError.field('code', 'unique', 'organization.org.codeTaken', {
        code: input.code,
      })
    }
    const id = await db.transaction(async (trx) => {
      const now = dbNow()
      const [newId] = await trx.table('orgs').insert({
        code: input.code,
        name: input.name,
        short_name: input.shortName ?? null,
        parent_id: parent?.id ?? null,
        level: parent ? Number(parent.level) + 1 : 1,
        path: 'pending',
        sort: input.sort ?? 0,
        status: input.status ?? 'active',
        created_at: now,
        updated_at: now,
      })
      await trx
        .from('orgs')
        .where('id', newId)
        .update({ path: childPath(parent, Number(newId)) })
      // Cached org subtrees (机构及下级) gain the new org.
      await accessChanged(trx)
      // A root org, or a child under a parent seen only through "own org" or a custom
      // list, would land outside the creator's scope: they could not manage it.
      await assertStillVisible(actor.access, trx, Number(newId))
      return Number(newId)
    })
    const created = await orgService.show(actor, id)
    await audit.record(actor.ctx, {
      action: 'org.create',
      entityType: 'org',
      entityId: id,
      after: snapshot((await db.from('orgs').where('id', id).first()) as OrgRow),
    })
    return created
  },

  async update(actor: Actor, id: number, patch: OrgPatch) {
    const before = (await scopedOrg(actor.access, id)) as OrgRow
    const moving =
      patch.parentId !== undefined && (patch.parentId ?? null) !== (before.parent_id ?? null)
    const parent = moving ? await parentFor(actor.access, patch.parentId) : null
    if (moving && parent && isSelfOrDescendant(before, parent)) {
      throw OrganizationError.field('parentId', 'cycle', 'organization.org.moveIntoOwnSubtree')
    }

    await db.transaction(async (trx) => {
      const fields: Record<string, unknown> = { updated_at: dbNow() }
      if (patch.name !== undefined) fields.name = patch.name
      if (patch.shortName !== undefined) fields.short_name = patch.shortName
      if (patch.sort !== undefined) fields.sort = patch.sort
      if (patch.status !== undefined) fields.status = patch.status
      await trx.from('orgs').where('id', id).update(fields)
      if (!moving) return
      await accessChanged(trx)

      // The whole subtree moves in this one transaction: every path and level
      // below the org is rewritten, or none is.
      const subtree = (await trx
        .from('orgs')
        .where('path', 'like', `${before.path}%`)
        .select('id', 'path', 'level')) as Array<{ id: number; path: string; level: number }>
      const moved = relocate(
        { id, path: before.path, level: Number(before.level) },
        parent ? { path: parent.path, level: Number(parent.level) } : null,
        subtree.map((o) => ({ id: Number(o.id), path: o.path, level: Number(o.level) }))
      )
      for (const o of moved) {
        await trx.from('orgs').where('id', o.id).update({ path: o.path, level: o.level })
      }
      await trx
        .from('orgs')
        .where('id', id)
        .update({ parent_id: parent?.id ?? null })
      await assertStillVisible(actor.access, trx, id)
    })

    const after = (await db.from('orgs').where('id', id).first()) as OrgRow
    await audit.record(actor.ctx, {
      action: moving ? 'org.move' : 'org.update',
      entityType: 'org',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    })
    return { ...toOrgNode(after), path: after.path }
  },

  /** An org with children, staff or departments stays: those would be orphaned. */
  async destroy(actor: Actor, id: number) {
    const org = (await scopedOrg(actor.access, id)) as OrgRow
    const children = await countOf(db.from('orgs').where('parent_id', id))
    if (children) throw OrganizationError.blocked('organization.org.hasChildren', { n: children })
    const users = await countOf(db.from('users').where('org_id', id))
    if (users) throw OrganizationError.blocked('organization.org.hasUsers', { n: users })
    const departments = await countOf(db.from('departments').where('org_id', id))
    if (departments) {
      throw OrganizationError.blocked('organization.org.hasDepartments', { n: departments })
    }
    try {
      await db.transaction(async (trx) => {
        await trx.from('role_orgs').where('org_id', id).delete()
        await trx.from('orgs').where('id', id).delete()
        await accessChanged(trx)
      })
    } catch (error) {
      // Business tables of plugins (loans, cases …) point at orgs too.
      if (isForeignKeyViolation(error))
        throw OrganizationError.blocked('organization.org.referenced')
      throw error
    }
    await audit.record(actor.ctx, {
      action: 'org.delete',
      entityType: 'org',
      entityId: id,
      before: snapshot(org),
    })
  },
}
