/*
| GET /api/dashboard/widgets/:id/data: runs a plugin widget's data handler with
| the data scope of the widget's own permission, as if the user had opened the
| page that permission guards. A widget the user may not see is a 403.
*/
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { DashboardError } from './dashboard_error.js'
import { allWidgets } from './widget_registry.js'

export async function widgetData(access: UserAccess, id: string, query: Record<string, unknown>) {
  const widget = (await allWidgets()).find((w) => w.id === id && w.kind === 'chart')
  if (!widget?.data || !widget.permission)
    throw new DashboardError(404, 'dashboard.unknownWidget', { id })
  if (!access.can(widget.permission))
    throw new DashboardError(403, 'dashboard.widgetForbidden', { id })
  access.activePermission = widget.permission
  const handler = (await widget.data()).default
  return handler({
    access,
    scope: (q, columns) => applyDataScope(q, access, columns),
    query,
  })
}
