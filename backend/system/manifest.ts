/*
| Core's own menus, permissions, dictionaries and settings, declared in the same
| shape as a plugin's so one sync and one menu builder serve both.
*/
import type { MenuDefinition, PluginManifest } from '#core/plugins/types'

const crudButtons = (resource: string, zh: string, en: string) => [
  {
    code: `system:${resource}:create`,
    type: 'button' as const,
    name: { zh: `新增${zh}`, en: `Create ${en}` },
    permission: `system:${resource}:create`,
  },
  {
    code: `system:${resource}:update`,
    type: 'button' as const,
    name: { zh: `修改${zh}`, en: `Edit ${en}` },
    permission: `system:${resource}:update`,
  },
  {
    code: `system:${resource}:delete`,
    type: 'button' as const,
    name: { zh: `删除${zh}`, en: `Delete ${en}` },
    permission: `system:${resource}:delete`,
  },
]

const base: PluginManifest = {
  id: 'system',
  name: { zh: '系统核心', en: 'Core' },
  version: '0.1.0',
  menus: [
    {
      code: 'system:root',
      type: 'directory',
      name: { zh: '系统管理', en: 'System' },
      icon: 'Setting',
      order: 900,
      children: [
        {
          code: 'system:params',
          type: 'directory',
          name: { zh: '公共参数管理', en: 'Common settings' },
          icon: 'Tools',
          order: 2,
          children: [
            {
              code: 'system:menus',
              type: 'page',
              name: { zh: '菜单管理', en: 'Menus' },
              permission: 'system:menu:list',
              page: 'system/Menus',
              path: '/system/menus',
              icon: 'Menu',
              order: 1,
              children: [
                {
                  code: 'system:menu:update',
                  type: 'button',
                  name: { zh: '修改菜单', en: 'Edit menu' },
                  permission: 'system:menu:update',
                },
              ],
            },
            {
              code: 'system:dictionaries',
              type: 'page',
              name: { zh: '数据字典', en: 'Dictionaries' },
              permission: 'system:dict:list',
              page: 'system/Dictionaries',
              path: '/system/dictionaries',
              icon: 'Collection',
              order: 2,
            },
            {
              code: 'system:settings',
              type: 'page',
              name: { zh: '参数管理', en: 'Parameters' },
              permission: 'system:setting:list',
              page: 'system/Settings',
              path: '/system/settings',
              icon: 'Tools',
              order: 3,
              children: [
                {
                  code: 'system:setting:update',
                  type: 'button',
                  name: { zh: '修改参数', en: 'Edit parameter' },
                  permission: 'system:setting:update',
                },
              ],
            },
          ],
        },
        {
          code: 'system:access',
          type: 'directory',
          name: { zh: '权限管理', en: 'Access control' },
          icon: 'Lock',
          order: 3,
          children: [
            {
              code: 'system:orgs',
              type: 'page',
              name: { zh: '机构管理', en: 'Organizations' },
              permission: 'system:org:list',
              page: 'system/Orgs',
              path: '/system/orgs',
              icon: 'OfficeBuilding',
              order: 1,
              children: crudButtons('org', '机构', 'organization'),
            },
            {
              code: 'system:users',
              type: 'page',
              name: { zh: '用户管理', en: 'Users' },
              permission: 'system:user:list',
              page: 'system/Users',
              path: '/system/users',
              icon: 'User',
              order: 4,
              children: crudButtons('user', '用户', 'user'),
            },
            {
              code: 'system:roles',
              type: 'page',
              name: { zh: '角色管理', en: 'Roles' },
              permission: 'system:role:list',
              page: 'system/Roles',
              path: '/system/roles',
              icon: 'Avatar',
              order: 5,
              children: crudButtons('role', '角色', 'role'),
            },
          ],
        },
      ],
    },
    {
      code: 'system:ops',
      type: 'directory',
      name: { zh: '运维管理', en: 'Operations' },
      icon: 'Monitor',
      order: 950,
      children: [
        {
          code: 'system:tools',
          type: 'directory',
          name: { zh: '系统工具', en: 'System tools' },
          icon: 'Box',
          order: 1,
          children: [
            {
              code: 'system:logs',
              type: 'directory',
              name: { zh: '日志管理', en: 'Logs' },
              icon: 'Document',
              order: 1,
              children: [],
            },
            {
              code: 'system:plugins',
              type: 'page',
              name: { zh: '插件管理', en: 'Plugins' },
              permission: 'system:plugin:list',
              page: 'system/Plugins',
              path: '/system/plugins',
              icon: 'Grid',
              order: 3,
            },
            {
              code: 'system:jobs',
              type: 'page',
              name: { zh: '后台任务', en: 'Background jobs' },
              permission: 'system:job:list',
              page: 'system/Jobs',
              path: '/system/jobs',
              icon: 'Timer',
              order: 4,
            },
          ],
        },
        {
          code: 'system:monitor',
          type: 'directory',
          name: { zh: '系统监控', en: 'Monitoring' },
          icon: 'DataLine',
          order: 2,
          children: [],
        },
      ],
    },
  ],
  dictionaries: [
    {
      type: 'common_status',
      name: { zh: '启用状态', en: 'Status' },
      items: [
        { code: 'active', label: { zh: '启用', en: 'Active' }, color: 'success', order: 1 },
        { code: 'disabled', label: { zh: '停用', en: 'Disabled' }, color: 'info', order: 2 },
      ],
    },
    {
      type: 'data_scope',
      name: { zh: '数据权限范围', en: 'Data scope' },
      items: [
        { code: 'all', label: { zh: '全部数据', en: 'All data' }, order: 1 },
        { code: 'custom', label: { zh: '自定义机构', en: 'Custom orgs' }, order: 2 },
        { code: 'org', label: { zh: '本机构', en: 'Own org' }, order: 3 },
        { code: 'org_and_below', label: { zh: '本机构及以下', en: 'Own org and below' }, order: 4 },
        { code: 'self', label: { zh: '仅本人', en: 'Self only' }, order: 5 },
      ],
    },
    {
      type: 'org_level',
      name: { zh: '机构层级', en: 'Org level' },
      items: [
        { code: '1', label: { zh: '总行', en: 'Head office' }, order: 1 },
        { code: '2', label: { zh: '分行', en: 'Branch' }, order: 2 },
        { code: '3', label: { zh: '支行', en: 'Sub-branch' }, order: 3 },
        { code: '4', label: { zh: '网点', en: 'Outlet' }, order: 4 },
      ],
    },
    {
      type: 'job_status',
      name: { zh: '任务状态', en: 'Job status' },
      items: [
        { code: 'queued', label: { zh: '排队中', en: 'Queued' }, color: 'info', order: 1 },
        { code: 'running', label: { zh: '执行中', en: 'Running' }, color: 'primary', order: 2 },
        { code: 'completed', label: { zh: '已完成', en: 'Completed' }, color: 'success', order: 3 },
        { code: 'failed', label: { zh: '失败', en: 'Failed' }, color: 'danger', order: 4 },
      ],
    },
  ],
  settings: [
    {
      key: 'system.bank.name',
      name: { zh: '银行名称', en: 'Bank name' },
      type: 'string',
      default: '示范银行',
    },
    {
      key: 'system.page.defaultSize',
      name: { zh: '列表默认每页条数', en: 'Default page size' },
      type: 'number',
      default: '20',
    },
  ],
}

/*
| Each 系统管理 area (holidays, audit, notices, identity, …) declares its pages,
| dictionaries and settings in backend/system/parts/<area>.ts, each menu entry
| naming the core directory or page it goes `under`; they are merged here, so
| areas never edit a shared file.
*/
import type { ManifestPart } from './parts/part.js'
import { parts } from './parts/index.js'

function merge(manifest: PluginManifest, extra: ManifestPart[]): PluginManifest {
  const menus = structuredCloneMenus(manifest.menus ?? [])
  const byCode = new Map<string, MenuDefinition>()
  const index = (items: MenuDefinition[]) =>
    items.forEach((m) => {
      byCode.set(m.code, m)
      index(m.children ?? [])
    })
  index(menus)
  for (const { under, ...menu } of extra.flatMap((p) => p.menus ?? [])) {
    if (under === null) {
      menus.push(menu)
      index([menu])
      continue
    }
    const parent = byCode.get(under ?? 'system:root')
    if (!parent)
      throw new Error(`Core menu "${menu.code}" is placed under "${under}", which does not exist`)
    ;(parent.children ??= []).push(menu)
    index([menu])
  }
  return {
    ...manifest,
    menus,
    permissions: [...(manifest.permissions ?? []), ...extra.flatMap((p) => p.permissions ?? [])],
    dictionaries: [...(manifest.dictionaries ?? []), ...extra.flatMap((p) => p.dictionaries ?? [])],
    settings: [...(manifest.settings ?? []), ...extra.flatMap((p) => p.settings ?? [])],
    jobs: [...(manifest.jobs ?? []), ...extra.flatMap((p) => p.jobs ?? [])],
    dailySteps: [...(manifest.dailySteps ?? []), ...extra.flatMap((p) => p.dailySteps ?? [])],
  }
}

/** Deep copy of the menu tree (functions-free data), so merging never edits `base`. */
const structuredCloneMenus = (menus: MenuDefinition[]): MenuDefinition[] =>
  menus.map((m) => ({ ...m, children: m.children ? structuredCloneMenus(m.children) : undefined }))

export const coreManifest: PluginManifest = merge(base, parts)
