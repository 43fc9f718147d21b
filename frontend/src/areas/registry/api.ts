/* 系统管理 · registry endpoints: 数据字典, 系统提示管理, 参数管理, 菜单管理. One typed function per endpoint. */
import { http } from '@/api/http'
import type { DictItem, ListQuery, Localized, Paginated } from '@/api/types'

/* ---- console reads (any signed-in user) ---------------------------------- */

/** A dictionary item as the console store keeps it; `enabled: false` items only render stored codes. */
export interface ConsoleDictItem extends DictItem {
  enabled?: boolean
}

export interface DictionaryBundle {
  version: string | null
  dictionaries: Record<string, ConsoleDictItem[]>
}

/**
 * Every dictionary with its version. Accepts the older plain map too (no version),
 * so a console talking to an older server still renders labels.
 */
export async function fetchDictionaryBundle(): Promise<DictionaryBundle> {
  const body = await http.get<unknown>('/dictionaries', { withVersion: true })
  if (body && typeof body === 'object' && 'dictionaries' in body && 'version' in body) {
    const bundle = body as DictionaryBundle
    return { version: bundle.version ?? null, dictionaries: bundle.dictionaries ?? {} }
  }
  return { version: null, dictionaries: (body ?? {}) as Record<string, ConsoleDictItem[]> }
}

export const fetchDictionaryVersion = () =>
  http.get<{ version: string }>('/dictionaries/version', undefined, { silent: true })

/** Administrators' texts by key (`console.*` and server message keys): `{ key: { zh, en } }`. */
export const fetchPromptTexts = () =>
  http.get<Record<string, { zh: string | null; en: string | null }>>('/prompts', undefined, {
    silent: true,
    background: true,
  })

/* ---- 数据字典 ---------------------------------------------------------------- */

export interface AdminDictItem {
  id: number
  code: string
  label: Localized
  defaultLabel: Localized
  customLabel: { zh: string | null; en: string | null } | null
  sort: number
  defaultSort: number
  customSort: number | null
  color: string | null
  enabled: boolean
  /** plugin: declared by core or a plugin (code, colour fixed, not deletable); admin: an administrator's own. */
  origin: 'plugin' | 'admin'
}

export interface AdminDictType {
  code: string
  name: Localized
  defaultName: Localized
  customName: { zh: string | null; en: string | null } | null
  /** 'system' (core), a plugin id, or 'admin'. */
  source: string
  items: AdminDictItem[]
}

export interface DictItemInput {
  code?: string
  labelZh?: string | null
  labelEn?: string | null
  sort?: number | null
  color?: string | null
  enabled?: boolean
}

const dictPath = (code: string) => `/system/dictionaries/${encodeURIComponent(code)}`

export const listDictionaryTypes = () => http.get<AdminDictType[]>('/system/dictionaries')
export const createDictionaryType = (data: { code: string; nameZh: string; nameEn: string }) =>
  http.post<AdminDictType>('/system/dictionaries', data)
export const updateDictionaryType = (
  code: string,
  data: { nameZh: string | null; nameEn: string | null }
) => http.put<AdminDictType>(dictPath(code), data)
export const deleteDictionaryType = (code: string) => http.delete(dictPath(code))
export const createDictionaryItem = (code: string, data: DictItemInput) =>
  http.post<AdminDictItem>(`${dictPath(code)}/items`, data)
export const updateDictionaryItem = (code: string, id: number, data: DictItemInput) =>
  http.put<AdminDictItem>(`${dictPath(code)}/items/${id}`, data)
export const deleteDictionaryItem = (code: string, id: number) =>
  http.delete(`${dictPath(code)}/items/${id}`)
export const reorderDictionaryItems = (code: string, ids: number[]) =>
  http.put<AdminDictType>(`${dictPath(code)}/order`, { ids })

/* ---- 系统提示管理 ------------------------------------------------------------- */

export type PromptKind = 'message' | 'validation' | 'console' | 'other'

export interface SystemPrompt {
  key: string
  kind: PromptKind
  default: Localized
  override: { zh: string | null; en: string | null } | null
  /** The {placeholders} the default text uses; an override may use only these. */
  placeholders: string[]
  updatedBy: string | null
  updatedAt: string | null
}

export interface PromptQuery extends ListQuery {
  kind?: PromptKind
  overridden?: boolean
}

export const listPrompts = (query: PromptQuery) =>
  http.get<Paginated<SystemPrompt>>('/system/prompts', query)
/** Both null removes the override. */
export const updatePrompt = (key: string, data: { zh: string | null; en: string | null }) =>
  http.put<SystemPrompt>(`/system/prompts/${encodeURIComponent(key)}`, data)

/* ---- 参数管理 ---------------------------------------------------------------- */

export type SettingCategory = 'business' | 'technical'

export interface RegistrySetting {
  key: string
  name: Localized
  type: 'string' | 'number' | 'boolean' | 'json' | 'amount'
  category: SettingCategory
  defaultValue: string
  value: string | null
  frozen: boolean
  source: string
  updatedAt: string | null
}

/** 202: a second administrator must approve the freeze (four-eyes). */
export interface PendingFreeze {
  pending: true
  changeId: number
  message: string
}

export const listSettings = (category?: SettingCategory) =>
  http.get<RegistrySetting[]>('/system/settings', { category })
/** `null` returns the parameter to its default. */
export const updateSetting = (key: string, value: string | null) =>
  http.put<RegistrySetting>(`/system/settings/${encodeURIComponent(key)}`, { value })
export const freezeSetting = (key: string, frozen: boolean) =>
  http.put<RegistrySetting | PendingFreeze>(`/system/settings/${encodeURIComponent(key)}/freeze`, {
    frozen,
  })

/* ---- 菜单管理 ---------------------------------------------------------------- */

export interface RegistryMenu {
  code: string
  parentCode: string | null
  type: 'directory' | 'page' | 'button'
  name: Localized
  customName: { zh: string | null; en: string | null } | null
  sort: number
  customSort: number | null
  permission: string | null
  page: string | null
  path: string | null
  icon: string | null
  hidden: boolean
  source: string
  /** Only administrators' own directories. */
  deletable: boolean
  children?: RegistryMenu[]
}

export interface MenuCustomization {
  customNameZh: string | null
  customNameEn: string | null
  customSort: number | null
  hidden: boolean
}

export interface MenuDirectoryInput {
  code: string
  nameZh: string
  nameEn: string
  icon?: string | null
  parentCode?: string | null
  sort?: number
}

const menuPath = (code: string) => `/system/menus/${encodeURIComponent(code)}`

export const fetchMenuTree = () => http.get<RegistryMenu[]>('/system/menus')
export const updateMenu = (code: string, data: MenuCustomization) => http.put(menuPath(code), data)
export const createMenuDirectory = (data: MenuDirectoryInput) => http.post('/system/menus', data)
export const deleteMenu = (code: string) => http.delete(menuPath(code))
