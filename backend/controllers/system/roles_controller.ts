import db from '@adonisjs/lucid/services/db'

/** 角色管理 list with each role's permission codes. */
export default class RolesController {
  async index() {
    const roles = await db.from('roles').orderBy('sort').orderBy('id')
    const grants = await db.from('role_permissions').select('role_id', 'permission')
    return roles.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      dataScope: r.data_scope,
      status: r.status,
      permissions: grants
        .filter((g) => g.role_id === r.id)
        .map((g) => g.permission)
        .sort(),
    }))
  }
}
