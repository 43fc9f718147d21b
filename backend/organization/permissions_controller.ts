import { permissionTree } from '#core/organization/permission_tree'

/** The menu/button tree the 分配权限 editor checks codes in. */
export default class PermissionsController {
  async tree() {
    return permissionTree()
  }
}
