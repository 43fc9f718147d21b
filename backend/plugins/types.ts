/*
| The plugin manifest: one typed object per business domain (plugins/<id>/plugin.ts).
| Every extension point the core offers is a field here, so a later core service
| (ledgers, workflow, documents, dashboard) only reads what plugins declared.
| The types live in backend/plugins/types/, one file per extension point; this
| barrel keeps every `#core/plugins/types` import working.
*/
export type * from './types/common.js'
export type * from './types/menus_permissions.js'
export type * from './types/dictionaries_settings.js'
export type * from './types/routes.js'
export type * from './types/jobs.js'
export type * from './types/ledgers.js'
export type * from './types/workflow.js'
export type * from './types/documents.js'
export type * from './types/dashboard.js'
export type * from './types/connectors.js'
export type * from './types/inbound.js'
export type * from './types/messages.js'
export type * from './types/manifest.js'
export type * from './types/contract.js'
export type * from './types/extensions.js'
