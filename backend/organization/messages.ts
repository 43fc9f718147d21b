import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the organization area (机构, 部门, 岗位, 用户, 角色, 授权). Keys: 'organization.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'organization.org.codeTaken': '机构编码 {code} 已存在',
    'organization.org.moveIntoOwnSubtree': '不能把机构移到它自己或它的下级机构之下',
    'organization.org.hasChildren': '该机构下还有 {n} 个下级机构，不能删除',
    'organization.org.hasUsers': '该机构下还有 {n} 名用户，不能删除',
    'organization.org.hasDepartments': '该机构下还有 {n} 个部门，不能删除',
    'organization.org.referenced': '该机构已被业务数据引用，不能删除，可改为停用',
    'organization.department.codeTaken': '本机构下部门编码 {code} 已存在',
    'organization.department.hasUsers': '该部门下还有 {n} 名用户，不能删除',
    'organization.post.codeTaken': '岗位编码 {code} 已存在',
    'organization.post.inUse': '该岗位已分配给 {n} 名用户，不能删除',
    'organization.user.usernameTaken': '用户名 {username} 已存在',
    'organization.user.departmentNotInOrg': '所选部门不属于所选机构',
    'organization.user.unknownPosts': '岗位不存在：{ids}',
    'organization.user.unknownRoles': '角色不存在：{ids}',
    'organization.user.notSelf': '不能对自己的账号执行此操作',
    'organization.user.inUse': '用户 {username} 已登录过或已被业务数据引用，不能彻底删除，只能停用',
    'organization.role.codeTaken': '角色编码 {code} 已存在',
    'organization.role.builtIn': '系统管理员角色是内置角色，不能修改其权限、停用或删除',
    'organization.role.inUse': '该角色已分配给 {n} 名用户，不能删除',
    'organization.role.customNeedsOrgs': '自定义数据权限至少选择一个机构',
    'organization.role.unknownOrgs': '机构不存在：{ids}',
    'organization.role.unknownCodes': '权限标识不存在或未启用：{codes}',
    'organization.grant.codesNotHeld': '不能授予您自己没有的权限：{codes}',
    'organization.grant.scopeTooWide': '数据权限「{scope}」超出了您自己的数据范围',
    'organization.grant.orgsOutside': '自定义数据权限中的机构超出了您的数据范围：{orgs}',
    'organization.grant.roleTooRich': '角色「{role}」超出了您自己的权限（{detail}）',
    'organization.grant.ownRole': '不能修改您自己所持有的角色「{role}」',
    'organization.grant.roleHoldersOutside': '角色「{role}」有不在您数据范围内的用户持有，不能修改',
    'organization.grant.userTooRich': '用户 {user} 持有超出您权限的角色，不能管理',
    'organization.grant.ownRoles': '不能修改自己的角色',
    'organization.grant.orgOutside': '机构（编号 {org}）不在您的数据范围内',
  },
  'en': {
    'organization.org.codeTaken': 'Organisation code {code} already exists',
    'organization.org.moveIntoOwnSubtree':
      'An organisation cannot move under itself or one of its sub-organisations',
    'organization.org.hasChildren':
      'This organisation still has {n} sub-organisations and cannot be deleted',
    'organization.org.hasUsers': 'This organisation still has {n} users and cannot be deleted',
    'organization.org.hasDepartments':
      'This organisation still has {n} departments and cannot be deleted',
    'organization.org.referenced':
      'Business records refer to this organisation; disable it instead',
    'organization.department.codeTaken':
      'Department code {code} already exists in this organisation',
    'organization.department.hasUsers': 'This department still has {n} users and cannot be deleted',
    'organization.post.codeTaken': 'Post code {code} already exists',
    'organization.post.inUse': '{n} users hold this post; it cannot be deleted',
    'organization.user.usernameTaken': 'Username {username} already exists',
    'organization.user.departmentNotInOrg': 'The department does not belong to the organisation',
    'organization.user.unknownPosts': 'No such posts: {ids}',
    'organization.user.unknownRoles': 'No such roles: {ids}',
    'organization.user.notSelf': 'You cannot do this to your own account',
    'organization.user.inUse':
      'User {username} has signed in or is referenced by records; disable the account instead',
    'organization.role.codeTaken': 'Role code {code} already exists',
    'organization.role.builtIn':
      'The system administrator role is built in: its grants cannot change, and it cannot be disabled or deleted',
    'organization.role.inUse': '{n} users hold this role; it cannot be deleted',
    'organization.role.customNeedsOrgs': 'Choose at least one organisation for a custom data scope',
    'organization.role.unknownOrgs': 'No such organisations: {ids}',
    'organization.role.unknownCodes': 'Unknown or inactive permission codes: {codes}',
    'organization.grant.codesNotHeld': 'You cannot grant permissions you do not hold: {codes}',
    'organization.grant.scopeTooWide': 'The data scope "{scope}" is wider than your own',
    'organization.grant.orgsOutside': 'These organisations are outside your data scope: {orgs}',
    'organization.grant.roleTooRich': 'Role "{role}" exceeds your own permissions ({detail})',
    'organization.grant.ownRole': 'You cannot change role "{role}", which you hold yourself',
    'organization.grant.roleHoldersOutside':
      'Role "{role}" is held by users outside your data scope; you cannot change it',
    'organization.grant.userTooRich':
      'User {user} holds roles beyond your own permissions; you cannot manage this account',
    'organization.grant.ownRoles': 'You cannot change your own roles',
    'organization.grant.orgOutside': 'Organisation #{org} is outside your data scope',
  },
}

export default part
