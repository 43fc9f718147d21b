/*
| What an effective form shows in the rest of the console: its permissions
| (`form:<code>:list|create|update|delete`, granted to roles in 角色管理), its
| page in the side menu under the directory the administrator chose, and its
| 台账 page when the form forms a ledger. Rows carry source 'admin' (console-
| made, like an administrator's menu directory), so the manifest sync keeps
| them. 失效 deactivates the menu rows; grants and data stay.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ADMIN_SOURCE } from '#core/plugins/sync'
import { LEDGER_PAGE } from '#core/ledgers/ledger_menus'
import { accessChanged } from '#core/identity/access_cache'
import type { FormDefinition } from './form_store.js'

export const FORM_PAGE = 'forms/FormData'
export const permissionOf = (code: string, action: 'list' | 'create' | 'update' | 'delete') =>
  `form:${code}:${action}`
export const ledgerIdOf = (code: string) => `form-${code.replace(/_/g, '-')}`
export const menuCodeOf = (code: string) => `form:${code}`

const ACTIONS = [
  ['list', '查看', 'View'],
  ['create', '新增', 'Create'],
  ['update', '修改', 'Edit'],
  ['delete', '删除', 'Delete'],
] as const

async function upsert(client: QueryClientContract, table: string, row: Record<string, unknown>) {
  const existing = await client
    .from(table)
    .where('code', row.code as string)
    .first()
  if (existing)
    await client
      .from(table)
      .where('code', row.code as string)
      .update(row)
  else await client.table(table).insert(row)
}

export async function publishForm(client: QueryClientContract, form: FormDefinition) {
  const live = form.status === 'effective'
  for (const [action, zh, en] of ACTIONS)
    await upsert(client, 'permissions', {
      code: permissionOf(form.code, action),
      source: ADMIN_SOURCE,
      name_zh: `${form.nameZh}·${zh}`.slice(0, 100),
      name_en: `${form.nameEn} · ${en}`.slice(0, 100),
      active: live,
    })
  const menu = {
    parent_code: form.menuParent,
    source: ADMIN_SOURCE,
    type: 'page',
    permission: permissionOf(form.code, 'list'),
    icon: 'Document',
    active: live && Boolean(form.menuParent),
  }
  await upsert(client, 'menus', {
    ...menu,
    code: menuCodeOf(form.code),
    name_zh: form.nameZh,
    name_en: form.nameEn,
    page_key: FORM_PAGE,
    path: `/forms/data/${form.code}`,
    sort: form.menuOrder,
  })
  await upsert(client, 'menus', {
    ...menu,
    code: `${menuCodeOf(form.code)}:ledger`,
    name_zh: `${form.nameZh}台账`.slice(0, 100),
    name_en: `${form.nameEn} ledger`.slice(0, 100),
    page_key: LEDGER_PAGE,
    path: `/ledgers/${ledgerIdOf(form.code)}`,
    icon: 'Notebook',
    sort: form.menuOrder + 1,
    active: menu.active && form.ledger,
  })
  // Menus and permission codes are cached per node with the grants (identity's access cache):
  // without this the approved form stays out of every menu until the cache ages out.
  await accessChanged(client)
}
