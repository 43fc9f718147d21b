/*
| The difference between 授权及流程管理's directory and this system, computed
| before anything is applied (shown in the console, kept with the run).
| What the directory owns: org name/short name/parent/sort/status, department
| name/sort/status, user real name/org/department/phone/email, and existence.
| What stays local and is never compared: roles, data scope, posts, passwords,
| locale, lockouts. Matching keys: org code, department (org code, code),
| username. A row only this system has is "removed" only when the directory
| made it (managed_by = 'directory'); local accounts (admin, integration
| users) are never touched. A disabled or removed user is disabled here; one
| the directory lists again is not re-enabled silently (an administrator does).
*/
import type { Directory } from './directory_source.js'

export type ChangeKind = 'org' | 'department' | 'user'
export type ChangeAction = 'create' | 'update' | 'remove'

export interface Change {
  kind: ChangeKind
  action: ChangeAction
  /** org code, `<org code>/<department code>`, or username. */
  key: string
  name: string
  /** Field → [local, directory] for updates. */
  fields: Record<string, [unknown, unknown]>
  /** The row was local and becomes directory-managed (no field needs to differ). */
  claim?: boolean
}

export interface DirectoryDiff {
  changes: Change[]
  /** Directory rows that cannot be applied (unknown org of a user…), with the reason key. */
  problems: Array<{ kind: ChangeKind; key: string; reason: string }>
  counts: Record<ChangeKind, Record<ChangeAction, number>>
}

export interface LocalRows {
  orgs: Array<{
    id: number
    code: string
    name: string
    short_name: string | null
    parent_id: number | null
    sort: number
    status: string
    managed_by: string | null
  }>
  departments: Array<{
    id: number
    org_id: number
    code: string
    name: string
    sort: number
    status: string
    managed_by: string | null
  }>
  users: Array<{
    id: number
    username: string
    real_name: string
    org_id: number
    department_id: number | null
    phone: string | null
    email: string | null
    status: string
    managed_by: string | null
  }>
}

const MANAGED = 'directory'

function compare(pairs: Record<string, [unknown, unknown]>) {
  const out: Record<string, [unknown, unknown]> = {}
  for (const [field, [local, remote]] of Object.entries(pairs))
    if ((local ?? null) !== (remote ?? null)) out[field] = [local ?? null, remote ?? null]
  return out
}

export function computeDiff(dir: Directory, local: LocalRows): DirectoryDiff {
  const changes: Change[] = []
  const problems: DirectoryDiff['problems'] = []
  const orgCode = new Map(local.orgs.map((o) => [o.id, o.code]))
  const orgByCode = new Map(local.orgs.map((o) => [o.code, o]))
  const dirOrgCodes = new Set(dir.orgs.map((o) => o.code))
  const deptKey = (orgCodeValue: string, code: string) => `${orgCodeValue}/${code}`
  const deptByKey = new Map(
    local.departments.map((d) => [deptKey(orgCode.get(d.org_id) ?? '', d.code), d])
  )
  const deptCode = new Map(local.departments.map((d) => [d.id, d.code]))
  const dirDeptKeys = new Set(dir.departments.map((d) => deptKey(d.orgCode, d.code)))

  for (const o of dir.orgs) {
    if (o.parentCode && !dirOrgCodes.has(o.parentCode) && !orgByCode.has(o.parentCode)) {
      problems.push({ kind: 'org', key: o.code, reason: 'unknownParent' })
      continue
    }
    const mine = orgByCode.get(o.code)
    const fields = compare({
      name: [mine?.name, o.name],
      shortName: [mine?.short_name, o.shortName],
      parentCode: [mine?.parent_id ? orgCode.get(mine.parent_id) : null, o.parentCode],
      sort: [mine ? Number(mine.sort) : undefined, o.sort ?? 0],
      status: [mine?.status, o.status],
    })
    if (!mine) changes.push({ kind: 'org', action: 'create', key: o.code, name: o.name, fields })
    else if (Object.keys(fields).length || mine.managed_by !== MANAGED)
      changes.push({
        kind: 'org',
        action: 'update',
        key: o.code,
        name: o.name,
        fields,
        claim: mine.managed_by !== MANAGED,
      })
  }
  for (const o of local.orgs)
    if (o.managed_by === MANAGED && !dirOrgCodes.has(o.code) && o.status === 'active')
      changes.push({
        kind: 'org',
        action: 'remove',
        key: o.code,
        name: o.name,
        fields: { status: ['active', 'disabled'] },
      })

  for (const d of dir.departments) {
    const key = deptKey(d.orgCode, d.code)
    if (!dirOrgCodes.has(d.orgCode) && !orgByCode.has(d.orgCode)) {
      problems.push({ kind: 'department', key, reason: 'unknownOrg' })
      continue
    }
    const mine = deptByKey.get(key)
    const fields = compare({
      name: [mine?.name, d.name],
      sort: [mine ? Number(mine.sort) : undefined, d.sort ?? 0],
      status: [mine?.status, d.status],
    })
    if (!mine) changes.push({ kind: 'department', action: 'create', key, name: d.name, fields })
    else if (Object.keys(fields).length || mine.managed_by !== MANAGED)
      changes.push({
        kind: 'department',
        action: 'update',
        key,
        name: d.name,
        fields,
        claim: mine.managed_by !== MANAGED,
      })
  }
  for (const d of local.departments) {
    const key = deptKey(orgCode.get(d.org_id) ?? '', d.code)
    if (d.managed_by === MANAGED && !dirDeptKeys.has(key) && d.status === 'active')
      changes.push({
        kind: 'department',
        action: 'remove',
        key,
        name: d.name,
        fields: { status: ['active', 'disabled'] },
      })
  }

  const dirUsers = new Set(dir.users.map((u) => u.username.toLowerCase()))
  const userByName = new Map(local.users.map((u) => [u.username.toLowerCase(), u]))
  for (const u of dir.users) {
    if (!dirOrgCodes.has(u.orgCode) && !orgByCode.has(u.orgCode)) {
      problems.push({ kind: 'user', key: u.username, reason: 'unknownOrg' })
      continue
    }
    if (
      u.departmentCode &&
      !dirDeptKeys.has(deptKey(u.orgCode, u.departmentCode)) &&
      !deptByKey.has(deptKey(u.orgCode, u.departmentCode))
    ) {
      problems.push({ kind: 'user', key: u.username, reason: 'unknownDepartment' })
      continue
    }
    const mine = userByName.get(u.username.toLowerCase())
    const fields = compare({
      realName: [mine?.real_name, u.realName],
      orgCode: [mine ? orgCode.get(mine.org_id) : undefined, u.orgCode],
      departmentCode: [
        mine?.department_id ? deptCode.get(mine.department_id) : null,
        u.departmentCode,
      ],
      phone: [mine?.phone, u.phone],
      email: [mine?.email, u.email],
      // Disabling follows the directory; re-enabling is an administrator's decision.
      status: [
        mine?.status,
        mine && !(mine.status === 'active' && u.status === 'disabled') ? mine.status : u.status,
      ],
    })
    if (!mine)
      changes.push({ kind: 'user', action: 'create', key: u.username, name: u.realName, fields })
    else if (Object.keys(fields).length || mine.managed_by !== MANAGED)
      changes.push({
        kind: 'user',
        action: 'update',
        key: u.username,
        name: u.realName,
        fields,
        claim: mine.managed_by !== MANAGED,
      })
  }
  for (const u of local.users)
    if (
      u.managed_by === MANAGED &&
      !dirUsers.has(u.username.toLowerCase()) &&
      u.status === 'active'
    )
      changes.push({
        kind: 'user',
        action: 'remove',
        key: u.username,
        name: u.real_name,
        fields: { status: ['active', 'disabled'] },
      })

  const counts = {} as DirectoryDiff['counts']
  for (const kind of ['org', 'department', 'user'] as const)
    counts[kind] = { create: 0, update: 0, remove: 0 }
  for (const c of changes) counts[c.kind][c.action]++
  return { changes, problems, counts }
}
