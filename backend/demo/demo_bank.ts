/*
| The demo bank `npm start` seeds (APP_MODE=demo only): a head office with its
| departments, three branches with two sub-branches each, and one user per
| role. Passwords are demo-only and listed in README; production seeds nothing.
*/
import { dbNow } from '#core/support/db_time'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'

interface OrgSeed {
  code: string
  name: string
  children?: OrgSeed[]
}

export const DEMO_ORGS: OrgSeed = {
  code: '000000',
  name: '示范银行总行',
  children: [
    {
      code: '110000',
      name: '北京分行',
      children: [
        { code: '110101', name: '北京朝阳支行' },
        { code: '110102', name: '北京海淀支行' },
      ],
    },
    {
      code: '310000',
      name: '上海分行',
      children: [
        { code: '310101', name: '上海浦东支行' },
        { code: '310102', name: '上海徐汇支行' },
      ],
    },
    {
      code: '440100',
      name: '广州分行',
      children: [
        { code: '440101', name: '广州天河支行' },
        { code: '440102', name: '广州越秀支行' },
      ],
    },
  ],
}

export const DEMO_DEPARTMENTS = [
  { code: 'RISK', name: '风险管理部' },
  { code: 'ASSET', name: '资产管理部' },
  { code: 'CREDIT', name: '信贷管理部' },
]

/** Permission patterns: `*` any code, `system:*` a prefix, `*:list` read-only views. */
export const DEMO_ROLES = [
  { code: 'admin', name: '系统管理员', dataScope: 'all', grants: [] as string[] },
  { code: 'ops_admin', name: '运维管理员', dataScope: 'all', grants: ['system:*'] },
  {
    code: 'hq_risk_manager',
    name: '总行风险经理',
    dataScope: 'all',
    grants: ['*:list', '*:export', '!system:*'],
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
    ],
  },
  {
    code: 'account_manager',
    name: '支行客户经理',
    dataScope: 'self',
    grants: ['*:list', '*:create', '*:update', '*:tag', '*:export', '!system:*'],
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
