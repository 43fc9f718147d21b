/*
| The demo bank `npm start` seeds (APP_MODE=demo only): a head office with its
| departments, three branches with two sub-branches each, and one user per
| role. Passwords are demo-only and listed in README; production seeds nothing.
*/
import { dbNow } from '#core/db/db_time'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { sessionsChanged } from '#core/identity/session_cache'
import { DEMO_DEPARTMENTS, DEMO_ORGS, type OrgSeed } from './demo_orgs.js'

export { DEMO_DEPARTMENTS, DEMO_ORGS } from './demo_orgs.js'

/*
| Codes a pattern misses or must not take. 综合查询 and 自定义报表 are core
| (`system:*`, excluded from business roles) but are daily work for the risk and
| asset managers: run, export and view (publishing stays with 系统管理员). Bank-wide
| rule settings (时效规则) and the 总行目标 (issued by the head office) are not a
| branch's to change; 利息试算 and 时效事件 (record, review) are work verbs no
| pattern names. An explicitly listed code beats an exclusion (expandGrants).
*/
const QUERY_AND_REPORTS = ['system:query:run', 'system:query:export', 'system:report:view']
const HEAD_OFFICE_ONLY = [
  '!disposal:limitation-rule:update',
  // 减免业务规则 are set by the head office (admin in the demo).
  '!relief:rule:update',
  '!targets:head-target:create',
  '!targets:head-target:update',
]

/** Permission patterns: `*` any code, `system:*` a prefix, `*:list` read-only views. */
export const DEMO_ROLES = [
  { code: 'admin', name: '系统管理员', dataScope: 'all', grants: [] as string[] },
  { code: 'ops_admin', name: '运维管理员', dataScope: 'all', grants: ['system:*'] },
  {
    code: 'hq_risk_manager',
    name: '总行风险经理',
    dataScope: 'all',
    grants: [
      '*:list',
      '*:export',
      '!system:*',
      ...QUERY_AND_REPORTS,
      'disposal:interest:trial',
      'litigation:fee-trial:run',
      'litigation:lawyer:manage',
      'targets:head-target:create',
      'targets:head-target:update',
      // 总行风险经理 may reveal a full ID number (audited); branches see it masked.
      'credit-assets:customer:unmask',
    ],
  },
  {
    code: 'branch_asset_manager',
    name: '分行资产经理',
    dataScope: 'org_and_below',
    grants: [
      '*:list',
      '*:create',
      '*:update',
      '*:tag',
      '*:export',
      '!system:*',
      'system:user:list',
      'system:org:list',
      ...QUERY_AND_REPORTS,
      ...HEAD_OFFICE_ONLY,
      'disposal:interest:trial',
      'disposal:limitation:event',
      'disposal:limitation:review',
      'monitoring:alert:confirm',
      'litigation:fee-trial:run',
      'litigation:engagement:pay',
    ],
  },
  {
    code: 'account_manager',
    name: '支行客户经理',
    dataScope: 'self',
    grants: [
      '*:list',
      '*:create',
      '*:update',
      '*:tag',
      '*:export',
      '!system:*',
      ...HEAD_OFFICE_ONLY,
      // A sub-branch has no org below it to issue 分行目标 to.
      '!targets:branch-target:create',
      '!targets:branch-target:update',
      'disposal:interest:trial',
      'disposal:limitation:event',
      // The 管户人 confirms a suit 智能预警 reports before it interrupts the limitation period.
      'monitoring:alert:confirm',
      'litigation:fee-trial:run',
    ],
  },
  {
    code: 'auditor',
    name: '审计员',
    dataScope: 'all',
    grants: ['*:list', 'system:audit:login-log', 'system:audit:operation-log'],
  },
] as const

export const DEMO_USERS = [
  {
    username: 'admin',
    password: 'Admin@12345',
    realName: '系统管理员',
    org: '000000',
    dept: 'RISK',
    role: 'admin',
  },
  {
    username: 'ops',
    password: 'Ops@123456',
    realName: '运维管理员',
    org: '000000',
    dept: 'RISK',
    role: 'ops_admin',
  },
  {
    username: 'hq_risk',
    password: 'Risk@12345',
    realName: '王总行风险',
    org: '000000',
    dept: 'RISK',
    role: 'hq_risk_manager',
  },
  {
    username: 'bj_asset',
    password: 'Asset@12345',
    realName: '李北京资产',
    org: '110000',
    dept: null,
    role: 'branch_asset_manager',
  },
  {
    username: 'bj_cy_am',
    password: 'Manager@12345',
    realName: '张朝阳客户经理',
    org: '110101',
    dept: null,
    role: 'account_manager',
  },
  {
    username: 'auditor',
    password: 'Audit@12345',
    realName: '赵审计',
    org: '000000',
    dept: 'RISK',
    role: 'auditor',
  },
]

/** Expands grant patterns against the permission codes that exist now. */
export function expandGrants(patterns: readonly string[], codes: string[]): string[] {
  const matches = (pattern: string, code: string) => {
    const re = new RegExp(
      '^' +
        pattern
          .split('*')
          .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*') +
        '$'
    )
    return re.test(code)
  }
  const include = patterns.filter((p) => !p.startsWith('!'))
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
  return codes.filter(
    (c) =>
      include.some((p) => matches(p, c)) &&
      !exclude.some((p) => matches(p, c) && !include.includes(c))
  )
}

/**
 * Demo mode only: gives the demo roles the codes of plugins added since the bank
 * was seeded (a new plugin's pages then show for the demo users). Never removes.
 */
export async function refreshDemoGrants(): Promise<number> {
  const codes = (await db.from('permissions').where('active', true).select('code')).map(
    (r) => r.code as string
  )
  let added = 0
  for (const role of DEMO_ROLES) {
    const row = await db.from('roles').where('code', role.code).first()
    if (!row) continue
    const held = new Set(
      (await db.from('role_permissions').where('role_id', row.id).select('permission')).map(
        (r) => r.permission as string
      )
    )
    const missing = expandGrants(role.grants, codes).filter((c) => !held.has(c))
    if (missing.length)
      await db
        .table('role_permissions')
        .multiInsert(missing.map((permission) => ({ role_id: row.id, permission })))
    added += missing.length
  }
  return added
}

/**
 * The account the demo's simulated 授权及流程管理 system signs in with to send
 * its decisions back (POST /api/workflow/external/decision). Its role holds
 * only `system:workflow:external`, so the credential can do nothing else; a
 * bank creates the same on 用户管理/角色管理 for its real system. Not a person,
 * hence not in DEMO_USERS (the sign-in list).
 */
export const DEMO_INTEGRATION_ACCOUNT = {
  username: 'sys_approval_flow',
  password: 'Flow@123456',
  realName: '授权及流程管理系统（接口）',
  org: DEMO_ORGS.code,
  role: { code: 'integration_approval_flow', name: '接口：授权及流程管理', dataScope: 'self' },
  permissions: ['system:workflow:external'],
} as const

/**
 * Demo mode only (bank-systems' simulator startup; tests): creates the
 * integration account when missing and makes its known password valid again
 * (initial/expired passwords would leave the simulator with a restricted session).
 */
export async function ensureDemoIntegrationAccount() {
  const a = DEMO_INTEGRATION_ACCOUNT
  const now = dbNow()
  let role = await db.from('roles').where('code', a.role.code).first()
  if (!role) {
    await db.table('roles').insert({
      code: a.role.code,
      name: a.role.name,
      data_scope: a.role.dataScope,
      sort: 90,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    role = await db.from('roles').where('code', a.role.code).firstOrFail()
  }
  const held = (await db.from('role_permissions').where('role_id', role.id)).map(
    (r) => r.permission as string
  )
  const missing = a.permissions.filter((p) => !held.includes(p))
  if (missing.length)
    await db
      .table('role_permissions')
      .multiInsert(missing.map((permission) => ({ role_id: role.id, permission })))
  const password = await hash.make(a.password)
  const user = await db.from('users').where('username', a.username).first()
  if (user) {
    await db.from('users').where('id', user.id).update({
      password,
      status: 'active',
      must_change_password: false,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    })
    await sessionsChanged()
  } else {
    const org = await db.from('orgs').where('code', a.org).firstOrFail()
    await db.table('users').insert({
      username: a.username,
      password,
      real_name: a.realName,
      org_id: org.id,
      department_id: null,
      status: 'active',
      must_change_password: false,
      password_changed_at: now,
      failed_logins: 0,
      locale: 'zh-CN',
      created_at: now,
      updated_at: now,
    })
  }
  const userId = (await db.from('users').where('username', a.username).firstOrFail()).id
  if (!(await db.from('user_roles').where({ user_id: userId, role_id: role.id }).first()))
    await db.table('user_roles').insert({ user_id: userId, role_id: role.id })
  return { username: a.username, password: a.password, userId: Number(userId) }
}

export async function seedDemoBank(): Promise<{ created: boolean }> {
  if (await db.from('users').where('username', 'admin').first()) return { created: false }

  await db.transaction(async (trx) => {
    const now = dbNow()
    const orgIds = new Map<string, number>()
    const insertOrg = async (
      org: OrgSeed,
      parent: { id: number; path: string; level: number } | null,
      sort: number
    ) => {
      const [id] = await trx.table('orgs').insert({
        code: org.code,
        name: org.name,
        parent_id: parent?.id ?? null,
        level: (parent?.level ?? 0) + 1,
        path: 'pending',
        sort,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      const path = `${parent?.path ?? '/'}${id}/`
      await trx.from('orgs').where('id', id).update({ path })
      orgIds.set(org.code, id)
      for (const [i, child] of (org.children ?? []).entries())
        await insertOrg(child, { id, path, level: (parent?.level ?? 0) + 1 }, i + 1)
    }
    await insertOrg(DEMO_ORGS, null, 1)

    const headOffice = orgIds.get(DEMO_ORGS.code)!
    const deptIds = new Map<string, number>()
    for (const [i, d] of DEMO_DEPARTMENTS.entries()) {
      const [id] = await trx.table('departments').insert({
        org_id: headOffice,
        code: d.code,
        name: d.name,
        sort: i + 1,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      deptIds.set(d.code, id)
    }

    const codes = (await trx.from('permissions').where('active', true).select('code')).map(
      (r) => r.code as string
    )
    const roleIds = new Map<string, number>()
    for (const [i, role] of DEMO_ROLES.entries()) {
      const [id] = await trx.table('roles').insert({
        code: role.code,
        name: role.name,
        data_scope: role.dataScope,
        sort: i + 1,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      roleIds.set(role.code, id)
      const grants = expandGrants(role.grants, codes)
      if (grants.length)
        await trx
          .table('role_permissions')
          .multiInsert(grants.map((permission) => ({ role_id: id, permission })))
    }

    for (const u of DEMO_USERS) {
      const [id] = await trx.table('users').insert({
        username: u.username,
        password: await hash.make(u.password),
        real_name: u.realName,
        org_id: orgIds.get(u.org)!,
        department_id: u.dept ? deptIds.get(u.dept)! : null,
        status: 'active',
        must_change_password: false,
        password_changed_at: now,
        failed_logins: 0,
        locale: 'zh-CN',
        created_at: now,
        updated_at: now,
      })
      await trx.table('user_roles').insert({ user_id: id, role_id: roleIds.get(u.role)! })
    }
  })
  return { created: true }
}
