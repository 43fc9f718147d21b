/* 系统管理 endpoints: one typed function per endpoint. */
import { http } from './http'
import type { JobStatus, ListQuery, Localized, Paginated } from './types'

/* 用户 / 角色 / 机构 live in ./organization (with 部门, 岗位 and the grant endpoints). */
export type { OrgNode, SystemRole, SystemUser } from '../areas/organization/api'
export { fetchOrgTree, listRoles, listUsers } from '../areas/organization/api'

export interface SystemMenu {
  code: string
  parentCode: string | null
  type: 'directory' | 'page' | 'button'
  name: Localized
  customName: Localized | null
  sort: number
  customSort: number | null
  permission: string | null
  page: string | null
  path: string | null
  icon: string | null
  hidden: boolean
  source: string
  children?: SystemMenu[]
}

export interface MenuCustomization {
  customNameZh: string | null
  customNameEn: string | null
  customSort: number | null
  hidden: boolean
}

export interface SystemDictionaryItem {
  code: string
  label: Localized
  sort: number
  color: string | null
  enabled: boolean
  origin: string
}

export interface SystemDictionary {
  code: string
  name: Localized
  source: string
  items: SystemDictionaryItem[]
}

export interface SystemPlugin {
  id: string
  name: Localized
  version: string
  dependsOn: string[]
  active: boolean
  loadOrder: number
}

export interface SystemSetting {
  key: string
  name: Localized
  type: 'string' | 'number' | 'boolean' | 'json' | 'amount'
  defaultValue: string
  value: string
  frozen: boolean
  source: string
}

export interface JobRun {
  id: string | number
  name: string
  status: JobStatus
  progress: number
  message: string | null
  createdAt: string
  finishedAt: string | null
}

export const fetchMenuTree = () => http.get<SystemMenu[]>('/system/menus')
export const updateMenu = (code: string, data: MenuCustomization) =>
  http.put<SystemMenu>(`/system/menus/${encodeURIComponent(code)}`, data)
export const listDictionaries = () => http.get<SystemDictionary[]>('/system/dictionaries')
export const listPlugins = () => http.get<SystemPlugin[]>('/system/plugins')
export const listSettings = () => http.get<SystemSetting[]>('/system/settings')
export const updateSetting = (key: string, value: string) =>
  http.put<SystemSetting>(`/system/settings/${encodeURIComponent(key)}`, { value })
export const listJobRuns = (query: ListQuery) => http.get<Paginated<JobRun>>('/system/jobs', query)
