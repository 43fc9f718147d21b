/*
| Core API routes. Every route other than login and health names its permission
| code (or is marked signed-in only, with the reason, in its area's part).
| Plugins' routes are mounted by start/plugin_routes.ts, never here.
*/
/* 系统管理 areas keep their routes in their own files. */
import '#core/registry/ready'
import '#core/ledgers/routes'
import '#core/forms/routes'

/*
| Core areas written with definePart declare their routes in their part
| (backend/<area>/part.ts), mounted here through the permission-declaring router.
*/
import { parts } from '#core/system/parts/index'
import { coreManifest } from '#core/system/manifest'
import { permissionCodes } from '#core/plugins/validate_manifest'
import { mountCorePart } from '#core/plugins/plugin_router'
import type { CorePart } from '#core/plugins/define_part'

const declared = new Set(permissionCodes(coreManifest))
for (const part of parts) if (part.area) mountCorePart(part as CorePart, declared)
