import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/auth/user_access'
import { applyDataScope } from '#core/auth/data_scope'

interface OrgNode {
  id: number
  code: string
  name: string
  level: number
  status: string
  children: OrgNode[]
}

/** 机构管理 tree, limited to the orgs the user's data scope reaches. */
export default class OrgsController {
  async tree(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const query = db.from('orgs').orderBy('path').orderBy('sort')
    applyDataScope(query, access, { orgColumn: 'orgs.id' })
    const rows = await query
    const nodes = new Map<number, OrgNode>()
    for (const r of rows)
      nodes.set(r.id, {
        id: r.id,
        code: r.code,
        name: r.name,
        level: r.level,
        status: r.status,
        children: [],
      })
    const roots: OrgNode[] = []
    for (const r of rows) {
      const parent = r.parent_id ? nodes.get(r.parent_id) : undefined
      ;(parent ? parent.children : roots).push(nodes.get(r.id)!)
    }
    return roots
  }
}
