/*
| 表单构建's boot-time registrations, and each effective form's ledger routes (made from the
| forms table, so not declarable in the part). The designer's and the form-data routes are in
| part.ts.
*/
import { registerFormChangeType } from './workflow_type.js'
import { registerFormSources } from './form_sources.js'
import { formLedgerRoutes } from './form_ledger_routes.js'

registerFormChangeType()
registerFormSources()
formLedgerRoutes()
