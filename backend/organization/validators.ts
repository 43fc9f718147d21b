/*
| Input of 系统管理 · organization: 机构, 部门, 岗位, 用户, 角色 and their grants.
| Ids are checked for existence and scope by the services; these only check shape.
*/
import vine from '@vinejs/vine'
import { DATA_SCOPES } from '#core/identity/role'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  realName: '姓名',
  orgId: '所属机构',
  parentId: '上级机构',
  departmentId: '所属部门',
  postIds: '岗位',
  roleIds: '角色',
  phone: '手机号',
  email: '邮箱',
  shortName: '简称',
  sort: '排序',
  status: '状态',
  dataScope: '数据范围',
  orgIds: '机构',
  permissions: '权限',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  realName: 'name',
  orgId: 'organisation',
  parentId: 'parent organisation',
  departmentId: 'department',
  postIds: 'posts',
  roleIds: 'roles',
  phone: 'phone',
  email: 'e-mail',
  shortName: 'short name',
  sort: 'order',
  status: 'status',
  dataScope: 'data scope',
  orgIds: 'organisations',
  permissions: 'permissions',
})

const STATUSES = ['active', 'disabled'] as const
/** Codes are keys other systems quote (核心系统机构号, 岗位编码): letters, digits, - and _. */
const code = () =>
  vine
    .string()
    .trim()
    .minLength(1)
    .maxLength(32)
    .regex(/^[A-Za-z0-9_-]+$/)
const id = () => vine.number().withoutDecimals().min(1)
const ids = () => vine.array(id()).maxLength(500)
const sort = () => vine.number().withoutDecimals().range([-100000, 100000])
const paging = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
  keyword: vine.string().trim().maxLength(100).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
}

/* ---- 机构 --------------------------------------------------------------- */

export const createOrgValidator = vine.compile(
  vine.object({
    code: code(),
    name: vine.string().trim().minLength(1).maxLength(100),
    shortName: vine.string().trim().maxLength(50).nullable().optional(),
    parentId: id().nullable().optional(),
    sort: sort().optional(),
    status: vine.enum(STATUSES).optional(),
  })
)

export const updateOrgValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(100).optional(),
    shortName: vine.string().trim().maxLength(50).nullable().optional(),
    /** A different parent moves the org with its whole subtree. */
    parentId: id().nullable().optional(),
    sort: sort().optional(),
    status: vine.enum(STATUSES).optional(),
  })
)

/* ---- 部门 --------------------------------------------------------------- */

export const listDepartmentsValidator = vine.compile(
  vine.object({
    ...paging,
    orgId: id().optional(),
    status: vine.enum(STATUSES).optional(),
    sort: vine.enum(['code', 'name', 'sort']).optional(),
  })
)

export const createDepartmentValidator = vine.compile(
  vine.object({
    orgId: id(),
    code: code(),
    name: vine.string().trim().minLength(1).maxLength(100),
    sort: sort().optional(),
    status: vine.enum(STATUSES).optional(),
  })
)

export const updateDepartmentValidator = vine.compile(
  vine.object({
    code: code().optional(),
    name: vine.string().trim().minLength(1).maxLength(100).optional(),
    sort: sort().optional(),
    status: vine.enum(STATUSES).optional(),
  })
)

export const departmentOptionsValidator = vine.compile(vine.object({ orgId: id() }))

/* ---- 岗位 --------------------------------------------------------------- */

export const listPostsValidator = vine.compile(
  vine.object({
    ...paging,
    status: vine.enum(STATUSES).optional(),
    sort: vine.enum(['code', 'name', 'sort']).optional(),
  })
)

export const createPostValidator = vine.compile(
  vine.object({
    code: code(),
    name: vine.string().trim().minLength(1).maxLength(100),
    sort: sort().optional(),
    status: vine.enum(STATUSES).optional(),
  })
)

export const updatePostValidator = vine.compile(
  vine.object({
    code: code().optional(),
    name: vine.string().trim().minLength(1).maxLength(100).optional(),
    sort: sort().optional(),
    status: vine.enum(STATUSES).optional(),
  })
)

/* ---- 用户 --------------------------------------------------------------- */

/** Sortable user columns (the list's whitelist). */
export const USER_SORTS = ['username', 'realName', 'status', 'lastLoginAt', 'createdAt'] as const

export const listUsersValidator = vine.compile(
  vine.object({
    ...paging,
    sort: vine.enum(USER_SORTS).optional(),
    /** The org and everything under it. */
    orgId: id().optional(),
    status: vine.enum(STATUSES).optional(),
    roleId: id().optional(),
  })
)

const phone = () =>
  vine
    .string()
    .trim()
    .maxLength(32)
    .regex(/^[0-9+\-() ]*$/)
const email = () => vine.string().trim().maxLength(128).email()

export const createUserValidator = vine.compile(
  vine.object({
    username: vine
      .string()
      .trim()
      .minLength(2)
      .maxLength(64)
      .regex(/^[A-Za-z0-9_.@-]+$/),
    realName: vine.string().trim().minLength(1).maxLength(64),
    orgId: id(),
    departmentId: id().nullable().optional(),
    postIds: ids().optional(),
    roleIds: ids().optional(),
    phone: phone().nullable().optional(),
    email: email().nullable().optional(),
    /** The initial password; the policy (backend/identity/password_policy.ts) is checked by the service. */
    password: vine.string().minLength(1).maxLength(128),
    status: vine.enum(STATUSES).optional(),
  })
)

export const updateUserValidator = vine.compile(
  vine.object({
    realName: vine.string().trim().minLength(1).maxLength(64).optional(),
    orgId: id().optional(),
    departmentId: id().nullable().optional(),
    postIds: ids().optional(),
    roleIds: ids().optional(),
    phone: phone().nullable().optional(),
    email: email().nullable().optional(),
  })
)

export const userStatusValidator = vine.compile(vine.object({ status: vine.enum(STATUSES) }))

export const resetPasswordValidator = vine.compile(
  vine.object({ password: vine.string().minLength(1).maxLength(128) })
)

export const deleteUserValidator = vine.compile(
  vine.object({
    /** Without it a delete only disables the account (staff records stay for the audit trail). */
    hard: vine.boolean().optional(),
  })
)

/* ---- 角色 --------------------------------------------------------------- */

export const listRolesValidator = vine.compile(
  vine.object({
    ...paging,
    status: vine.enum(STATUSES).optional(),
    sort: vine.enum(['code', 'name', 'sort']).optional(),
  })
)

export const createRoleValidator = vine.compile(
  vine.object({
    code: vine
      .string()
      .trim()
      .minLength(1)
      .maxLength(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    name: vine.string().trim().minLength(1).maxLength(64),
    dataScope: vine.enum(DATA_SCOPES).optional(),
    orgIds: ids().optional(),
    sort: sort().optional(),
    status: vine.enum(STATUSES).optional(),
    remark: vine.string().trim().maxLength(255).nullable().optional(),
  })
)

export const updateRoleValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(64).optional(),
    sort: sort().optional(),
    status: vine.enum(STATUSES).optional(),
    remark: vine.string().trim().maxLength(255).nullable().optional(),
  })
)

/** 功能权限分配: the complete list of codes the role will hold. */
export const grantPermissionsValidator = vine.compile(
  vine.object({
    permissions: vine.array(vine.string().trim().minLength(1).maxLength(128)).maxLength(5000),
  })
)

/** 数据权限分配: the scope, and the org list when it is `custom`. */
export const dataScopeValidator = vine.compile(
  vine.object({
    dataScope: vine.enum(DATA_SCOPES),
    orgIds: ids().optional(),
  })
)
