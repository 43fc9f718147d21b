/*
| 授权及流程管理 · 组织机构与用户目录 (simulated): the bank's org tree, departments
| and staff as that system publishes them, for the identity sync
| (backend/directory_sync). By default the directory is this database's own
| orgs, departments and staff (the same bank's story: the first sync only
| claims them) plus one new sub-branch with a department and a clerk, so the
| demo shows a difference. Local-only accounts (admin, sys_*) are never in it.
|   GET  /approval-flow/directory          the directory (ESB envelope)
|   POST /__sim/approval-flow/directory    { orgs, departments, users } replaces it (tests, demos)
|   POST /__sim/approval-flow/directory/reset  back to the default
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ok } from './replies.js'

export interface DirectoryOrg {
  code: string
  name: string
  shortName: string | null
  parentCode: string | null
  sort: number
  status: 'active' | 'disabled'
}
export interface DirectoryDepartment {
  orgCode: string
  code: string
  name: string
  sort: number
  status: 'active' | 'disabled'
}
export interface DirectoryUser {
  username: string
  realName: string
  orgCode: string
  departmentCode: string | null
  phone: string | null
  email: string | null
  status: 'active' | 'disabled'
}
export interface Directory {
  orgs: DirectoryOrg[]
  departments: DirectoryDepartment[]
  users: DirectoryUser[]
}

const LOCAL_ONLY = /^(admin$|sys_)/

export class DirectoryDesk {
  #override: Directory | null = null

  constructor(private connection: () => QueryClientContract) {}

  async directory(): Promise<Directory> {
    return this.#override ?? (await this.#fromBook())
  }

  async #fromBook(): Promise<Directory> {
    const db = this.connection()
    const orgRows = await db.from('orgs').orderBy('id')
    const codeOf = new Map(orgRows.map((o) => [Number(o.id), o.code as string]))
    const deptRows = await db.from('departments').orderBy('id')
    const deptCode = new Map(deptRows.map((d) => [Number(d.id), d.code as string]))
    const users = await db.from('users').orderBy('id')
    const root = orgRows.find((o) => o.parent_id === null)
    const dir: Directory = {
      orgs: orgRows.map((o) => ({
        code: o.code,
        name: o.name,
        shortName: o.short_name ?? null,
        parentCode: o.parent_id ? (codeOf.get(Number(o.parent_id)) ?? null) : null,
        sort: Number(o.sort),
        status: o.status === 'active' ? 'active' : 'disabled',
      })),
      departments: deptRows.map((d) => ({
        orgCode: codeOf.get(Number(d.org_id))!,
        code: d.code,
        name: d.name,
        sort: Number(d.sort),
        status: d.status === 'active' ? 'active' : 'disabled',
      })),
      users: users
        .filter((u) => !LOCAL_ONLY.test(u.username))
        .map((u) => ({
          username: u.username,
          realName: u.real_name,
          orgCode: codeOf.get(Number(u.org_id))!,
          departmentCode: u.department_id ? (deptCode.get(Number(u.department_id)) ?? null) : null,
          phone: u.phone ?? null,
          email: u.email ?? null,
          status: u.status === 'active' ? 'active' : 'disabled',
        })),
    }
    if (root && !dir.orgs.some((o) => o.code === 'DIR-SIM-01')) {
      dir.orgs.push({
        code: 'DIR-SIM-01',
        name: '科技园支行',
        shortName: '科技园',
        parentCode: root.code,
        sort: 99,
        status: 'active',
      })
      dir.departments.push({
        orgCode: 'DIR-SIM-01',
        code: 'DIR-SIM-01-RISK',
        name: '风险管理部',
        sort: 1,
        status: 'active',
      })
      dir.users.push({
        username: 'dir_kjy_clerk',
        realName: '科技园客户经理',
        orgCode: 'DIR-SIM-01',
        departmentCode: 'DIR-SIM-01-RISK',
        phone: null,
        email: null,
        status: 'active',
      })
    }
    return dir
  }

  route(method: string, path: string) {
    if (method !== 'GET' || path !== '/directory') return null
    return this.directory().then((d) => ({ status: 200, body: ok(d) }))
  }

  control(method: string, path: string, body: any) {
    if (method !== 'POST') return null
    if (path === '/__sim/approval-flow/directory/reset') {
      this.reset()
      return { status: 200, body: { ok: true } }
    }
    if (path !== '/__sim/approval-flow/directory') return null
    if (
      !Array.isArray(body?.orgs) ||
      !Array.isArray(body?.departments) ||
      !Array.isArray(body?.users)
    )
      return { status: 400, body: { message: 'orgs, departments, users must be arrays' } }
    this.#override = { orgs: body.orgs, departments: body.departments, users: body.users }
    return { status: 200, body: { ok: true } }
  }

  set(directory: Directory) {
    this.#override = directory
  }

  reset() {
    this.#override = null
  }
}
