/*
| Applies a computed difference in one transaction, parents first (orgs, then
| departments, then users), one audit row per change in the same transaction
| (a change and its audit commit together). A user disabled or removed by the
| directory loses every session at once (tokens are rows; backend/identity/sessions).
| New staff get an unusable random password and must change it: they come in
| through 信贷门户 single sign-on, or an administrator resets it. Roles and data
| scope are local and untouched; a new user has none until an administrator
| grants them.
*/
import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import { accessChanged } from '#core/identity/access_cache'
import { sessionsChanged } from '#core/identity/session_cache'
import { dbNow } from '#core/db/db_time'
import { childPath, relocate } from '#core/organization/org_tree'
import type { Directory } from './directory_source.js'
import type { Change, DirectoryDiff } from './diff.js'

const MANAGED = 'directory'

export interface ApplyResult {
  applied: number
  sessionsEnded: number
}

export async function applyDiff(
  diff: DirectoryDiff,
  dir: Directory,
  ctx: HttpContext | null,
  runId: number
): Promise<ApplyResult> {
  const byKind = (kind: Change['kind']) => diff.changes.filter((c) => c.kind === kind)
  return db.transaction(async (trx) => {
    const result: ApplyResult = { applied: 0, sessionsEnded: 0 }
    // Orgs, their paths and users' orgs may change: cached grants and subtrees go; users rows
    // and ended sessions too (app nodes hold them between requests).
    await accessChanged(trx)
    await sessionsChanged(trx)
    const note = async (c: Change, entityId: number, before: unknown, after: unknown) => {
      result.applied++
      await audit.append(ctx, {
        action: `directory.${c.kind}.${c.action}`,
        entityType: c.kind,
        entityId,
        before: before as Record<string, unknown> | null,
        after: after as Record<string, unknown> | null,
        detail: `目录同步 #${runId}${c.claim ? '（纳入同步）' : ''}`,
        trx,
      })
    }
    const orgs = new Map((await trx.from('orgs').select('*')).map((o) => [o.code as string, o]))
    const now = dbNow()
    // One hash of one random secret nobody knows, for every new account of this run
    // (scrypt per user would hold the transaction for minutes on a first sync).
    let unusable: string | null = null

    // Orgs: creations in directory order until every parent exists (a parent may come later).
    let pending = byKind('org').filter((c) => c.action === 'create')
    while (pending.length) {
      const next = pending.filter((c) => {
        const o = dir.orgs.find((x) => x.code === c.key)!
        return !o.parentCode || orgs.has(o.parentCode)
      })
      if (!next.length) break
      for (const c of next) {
        const o = dir.orgs.find((x) => x.code === c.key)!
        const parent = o.parentCode ? orgs.get(o.parentCode) : null
        const [id] = await trx.table('orgs').insert({
          code: o.code,
          name: o.name,
          short_name: o.shortName ?? null,
          parent_id: parent?.id ?? null,
          level: parent ? Number(parent.level) + 1 : 1,
          path: 'pending',
          sort: o.sort ?? 0,
          status: o.status,
          managed_by: MANAGED,
          created_at: now,
          updated_at: now,
        })
        const path = childPath(parent ?? null, Number(id))
        await trx.from('orgs').where('id', id).update({ path })
        orgs.set(o.code, { id, code: o.code, path, level: parent ? Number(parent.level) + 1 : 1 })
        await note(c, Number(id), null, {
          code: o.code,
          name: o.name,
          parentCode: o.parentCode ?? null,
        })
      }
      pending = pending.filter((c) => !next.includes(c))
    }
    for (const c of byKind('org').filter((x) => x.action !== 'create')) {
      const mine = orgs.get(c.key)
      if (!mine) continue
      const o = dir.orgs.find((x) => x.code === c.key)
      const patch: Record<string, unknown> = { managed_by: MANAGED, updated_at: now }
      if (c.action === 'remove') patch.status = 'disabled'
      if (o && 'name' in c.fields) patch.name = o.name
      if (o && 'shortName' in c.fields) patch.short_name = o.shortName ?? null
      if (o && 'sort' in c.fields) patch.sort = o.sort ?? 0
      if (o && 'status' in c.fields) patch.status = o.status
      if (o && 'parentCode' in c.fields)
        await moveOrg(trx, mine, o.parentCode ? orgs.get(o.parentCode) : null)
      await trx.from('orgs').where('id', mine.id).update(patch)
      await note(c, Number(mine.id), fieldSide(c, 0), fieldSide(c, 1))
    }

    const deptKey = (orgId: number, code: string) => `${orgId}/${code}`
    const depts = new Map(
      (await trx.from('departments').select('*')).map((d) => [deptKey(Number(d.org_id), d.code), d])
    )
    for (const c of byKind('department')) {
      const [orgCode, code] = c.key.split('/')
      const org = orgs.get(orgCode)
      if (!org) continue
      const d = dir.departments.find((x) => x.orgCode === orgCode && x.code === code)
      const mine = depts.get(deptKey(Number(org.id), code))
      if (c.action === 'create' && d) {
        const [id] = await trx.table('departments').insert({
          org_id: org.id,
          code,
          name: d.name,
          sort: d.sort ?? 0,
          status: d.status,
          managed_by: MANAGED,
          created_at: now,
          updated_at: now,
        })
        depts.set(deptKey(Number(org.id), code), { id, org_id: org.id, code })
        await note(c, Number(id), null, { key: c.key, name: d.name })
        continue
      }
      if (!mine) continue
      const patch: Record<string, unknown> = { managed_by: MANAGED, updated_at: now }
      if (c.action === 'remove') patch.status = 'disabled'
      if (d && 'name' in c.fields) patch.name = d.name
      if (d && 'sort' in c.fields) patch.sort = d.sort ?? 0
      if (d && 'status' in c.fields) patch.status = d.status
      await trx.from('departments').where('id', mine.id).update(patch)
      await note(c, Number(mine.id), fieldSide(c, 0), fieldSide(c, 1))
    }

    for (const c of byKind('user')) {
      const u = dir.users.find((x) => x.username === c.key)
      const org = u ? orgs.get(u.orgCode) : null
      const dept =
        u?.departmentCode && org ? depts.get(deptKey(Number(org.id), u.departmentCode)) : null
      if (c.action === 'create' && u && org) {
        const [id] = await trx.table('users').insert({
          username: u.username,
          real_name: u.realName,
          org_id: org.id,
          department_id: dept?.id ?? null,
          phone: u.phone ?? null,
          email: u.email ?? null,
          status: u.status,
          password: (unusable ??= await hash
            .use('scrypt')
            .make(randomBytes(24).toString('base64url'))),
          must_change_password: true,
          managed_by: MANAGED,
          created_at: now,
          updated_at: now,
        })
        await note(c, Number(id), null, {
          username: u.username,
          realName: u.realName,
          orgCode: u.orgCode,
        })
        continue
      }
      const mine = await trx
        .from('users')
        .whereRaw('LOWER(username) = ?', [c.key.toLowerCase()])
        .first()
      if (!mine) continue
      const patch: Record<string, unknown> = { managed_by: MANAGED, updated_at: now }
      if (u && 'realName' in c.fields) patch.real_name = u.realName
      if (u && org && 'orgCode' in c.fields) patch.org_id = org.id
      if (u && 'departmentCode' in c.fields) patch.department_id = dept?.id ?? null
      if (u && 'phone' in c.fields) patch.phone = u.phone ?? null
      if (u && 'email' in c.fields) patch.email = u.email ?? null
      const disable =
        c.action === 'remove' || (c.fields.status && c.fields.status[1] === 'disabled')
      if (disable) patch.status = 'disabled'
      await trx.from('users').where('id', mine.id).update(patch)
      if (disable)
        result.sessionsEnded += Number(
          await trx.from('auth_access_tokens').where('tokenable_id', mine.id).delete()
        )
      await note(c, Number(mine.id), fieldSide(c, 0), fieldSide(c, 1))
    }
    return result
  })
}

const fieldSide = (c: Change, side: 0 | 1) =>
  Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, v[side]]))

async function moveOrg(trx: TransactionClientContract, org: any, parent: any) {
  const fresh = await trx.from('orgs').where('id', org.id).first()
  const parentRow = parent ? await trx.from('orgs').where('id', parent.id).first() : null
  if (parentRow && String(parentRow.path).startsWith(fresh.path)) return // would make a cycle
  const subtree = await trx
    .from('orgs')
    .where('path', 'like', `${fresh.path}%`)
    .select('id', 'path', 'level')
  const moved = relocate(
    { id: Number(fresh.id), path: fresh.path, level: Number(fresh.level) },
    parentRow ? { path: parentRow.path, level: Number(parentRow.level) } : null,
    subtree.map((o) => ({ id: Number(o.id), path: o.path, level: Number(o.level) }))
  )
  for (const o of moved)
    await trx.from('orgs').where('id', o.id).update({ path: o.path, level: o.level })
  await trx
    .from('orgs')
    .where('id', fresh.id)
    .update({ parent_id: parentRow?.id ?? null })
}
