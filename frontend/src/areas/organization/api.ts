/*
| 系统管理 · organization endpoints: 用户, 角色 (功能权限 / 数据权限分配), 机构,
| 部门, 岗位. One typed function per endpoint; the permission each needs is the
| one the page's buttons check with v-permission.
*/
import { http } from '@/api/http'
import type { ListQuery, Localized, Paginated } from '@/api/types'

export type Status = 'active' | 'disabled'
export type DataScope = 'all' | 'custom' | 'org' | 'org_and_below' | 'self'

export interface OrgNode {
  id: number
  code: string
  name: string
  shortName?: string | null
  parentId?: number | null
  level: number
  sort?: number
  status: string
  children?: OrgNode[]
}

export interface OrgDetail extends OrgNode {
  path: string
}

export interface OrgInput {
  code?: string
  name: string
  shortName: string | null
  parentId: number | null
  sort: number
  status: Status
}

export interface Ref {
  id: number
  code: string
  name: string
}

export interface SystemUser {
  id: number
  username: string
  realName: string
  orgId: number
  orgName: string | null
  departmentId: number | null
  departmentName: string | null
  phone: string | null
  email: string | null
  status: string
  mustChangePassword: boolean
  roles: string[]
  lastLoginAt: string | null
  createdAt: string
}

export interface UserDetail extends Omit<SystemUser, 'roles'> {
  roles: Ref[]
  roleIds: number[]
  posts: Ref[]
  postIds: number[]
  /** A save (202) whose privileged roles or org move wait in 待复核变更: their change ids and the notice. */
  pendingChangeIds?: number[]
  message?: string
}

export interface UserInput {
  username?: string
  realName: string
  orgId: number | null
  departmentId: number | null
  postIds: number[]
  roleIds: number[]
  phone: string | null
  email: string | null
  password?: string
  status?: Status
}

export interface RoleOption extends Ref {
  dataScope: DataScope
  status: string
  /** False when the role holds more than the signed-in administrator (授权防越权). */
  assignable: boolean
}

export interface UserOptions {
  orgs: OrgNode[]
  posts: Ref[]
  roles: RoleOption[]
}

export interface UserQuery extends ListQuery {
  orgId?: number
  status?: Status
  roleId?: number
}

export interface SystemRole {
  id: number
  code: string
  name: string
  dataScope: DataScope
  sort: number
  status: string
  remark: string | null
  builtIn: boolean
  permissions: string[]
  orgIds: number[]
  userCount: number
}

export interface RoleInput {
  code?: string
  name: string
  dataScope?: DataScope
  orgIds?: number[]
  sort: number
  status: Status
  remark: string | null
}

/** A node of the 分配权限 tree: directories, pages and buttons with their permission codes. */
export interface PermissionNode {
  key: string
  type: 'directory' | 'page' | 'button'
  name: Localized
  permission: string | null
  children: PermissionNode[]
}

export interface Department {
  id: number
  orgId: number
  orgName: string | null
  code: string
  name: string
  sort: number
  status: string
}

export interface DepartmentInput {
  orgId?: number | null
  code: string
  name: string
  sort: number
  status: Status
}

export interface Post {
  id: number
  code: string
  name: string
  sort: number
  status: string
  userCount?: number
}

const id = (n: number) => encodeURIComponent(String(n))

/* ---- 用户 ---- */
export const listUsers = (query: UserQuery) =>
  http.get<Paginated<SystemUser>>('/system/users', query)
export const fetchUserOptions = () => http.get<UserOptions>('/system/users/options')
export const fetchDepartmentOptions = (orgId: number) =>
  http.get<Ref[]>('/system/users/options/departments', { orgId })
export const getUser = (userId: number) => http.get<UserDetail>(`/system/users/${id(userId)}`)
export const createUser = (data: UserInput) => http.post<UserDetail>('/system/users', data)
export const updateUser = (userId: number, data: UserInput) =>
  http.put<UserDetail>(`/system/users/${id(userId)}`, data)
export const setUserStatus = (userId: number, status: Status) =>
  http.put<UserDetail>(`/system/users/${id(userId)}/status`, { status })
export const resetUserPassword = (userId: number, password: string) =>
  http.put<void>(`/system/users/${id(userId)}/password`, { password })
export const deleteUser = (userId: number) => http.delete(`/system/users/${id(userId)}`)

/* ---- 角色 ---- */
export const listRoles = (query: ListQuery & { status?: Status } = {}) =>
  http.get<Paginated<SystemRole>>('/system/roles', query)
export const getRole = (roleId: number) => http.get<SystemRole>(`/system/roles/${id(roleId)}`)
export const createRole = (data: RoleInput) => http.post<SystemRole>('/system/roles', data)
export const updateRole = (roleId: number, data: RoleInput) =>
  http.put<SystemRole>(`/system/roles/${id(roleId)}`, data)
export const deleteRole = (roleId: number) => http.delete(`/system/roles/${id(roleId)}`)
/** A four-eyes change waiting for a second administrator (HTTP 202). */
export interface PendingChangeAnswer {
  pending: true
  changeId: number
  message: string
}
export const isPendingChange = (answer: unknown): answer is PendingChangeAnswer =>
  !!answer && typeof answer === 'object' && (answer as PendingChangeAnswer).pending === true

/** Applied at once (the role) or queued for approval (the pending change). */
export const grantRolePermissions = (roleId: number, permissions: string[]) =>
  http.put<SystemRole | PendingChangeAnswer>(`/system/roles/${id(roleId)}/permissions`, {
    permissions,
  })
export const setRoleDataScope = (roleId: number, dataScope: DataScope, orgIds: number[]) =>
  http.put<SystemRole | PendingChangeAnswer>(`/system/roles/${id(roleId)}/data-scope`, {
    dataScope,
    orgIds,
  })
export const fetchRoleOrgTree = () => http.get<OrgNode[]>('/system/roles/org-tree')
export const fetchPermissionTree = () => http.get<PermissionNode[]>('/system/permissions/tree')

/* ---- 机构 ---- */
export const fetchOrgTree = () => http.get<OrgNode[]>('/system/orgs/tree')
export const getOrg = (orgId: number) => http.get<OrgDetail>(`/system/orgs/${id(orgId)}`)
export const createOrg = (data: OrgInput) => http.post<OrgDetail>('/system/orgs', data)
export const updateOrg = (orgId: number, data: Omit<OrgInput, 'code'>) =>
  http.put<OrgDetail>(`/system/orgs/${id(orgId)}`, data)
export const deleteOrg = (orgId: number) => http.delete(`/system/orgs/${id(orgId)}`)

/* ---- 部门 ---- */
export const listDepartments = (query: ListQuery & { orgId?: number; status?: Status }) =>
  http.get<Paginated<Department>>('/system/departments', query)
export const fetchDepartmentOrgTree = () => http.get<OrgNode[]>('/system/departments/org-tree')
export const createDepartment = (data: DepartmentInput) =>
  http.post<Department>('/system/departments', data)
export const updateDepartment = (departmentId: number, data: DepartmentInput) =>
  http.put<Department>(`/system/departments/${id(departmentId)}`, data)
export const deleteDepartment = (departmentId: number) =>
  http.delete(`/system/departments/${id(departmentId)}`)
