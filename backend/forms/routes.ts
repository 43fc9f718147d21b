/* 运维管理 › 表单构建 (/api/forms) and the CRUD of effective forms (/api/form-data/:code). */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerFormChangeType } from './workflow_type.js'
import { registerFormSources } from './form_sources.js'
import { formLedgerRoutes } from './form_ledger_routes.js'

registerFormChangeType()
registerFormSources()

const Forms = () => import('./forms_controller.js')
const Data = () => import('./form_data_controller.js')
const can = (permission: string) => middleware.can({ permission })
const id = /^\d{1,9}$/
const code = /^[a-z][a-z0-9_]{1,30}$/
const field = /^[a-z][a-zA-Z0-9]{1,30}$/

router
  .group(() => {
    router.get('/', [Forms, 'index']).use(can('system:form:list'))
    router.get('/menu-directories', [Forms, 'menuDirectories']).use(can('system:form:list'))
    router.get('/:id', [Forms, 'show']).where('id', id).use(can('system:form:list'))
    router.post('/', [Forms, 'store']).use(can('system:form:design'))
    router.put('/:id', [Forms, 'update']).where('id', id).use(can('system:form:design'))
    router.post('/:id/changes', [Forms, 'draft']).where('id', id).use(can('system:form:design'))
    router
      .post('/:id/changes/:changeId/submit', [Forms, 'submit'])
      .where('id', id)
      .where('changeId', id)
      .use(can('system:form:design'))
    router
      .post('/:id/changes/:changeId/retry', [Forms, 'retry'])
      .where('id', id)
      .where('changeId', id)
      .use(can('system:form:design'))
    router
      .delete('/:id/changes/:changeId', [Forms, 'discard'])
      .where('id', id)
      .where('changeId', id)
      .use(can('system:form:design'))
  })
  .prefix('/api/forms')
  .use(middleware.auth())

// Each form's own permissions (form:<code>:…) are checked in the controller.
router
  .group(() => {
    router.get('/:code/schema', [Data, 'schema']).where('code', code)
    router.get('/:code', [Data, 'index']).where('code', code)
    router.get('/:code/:id', [Data, 'show']).where('code', code).where('id', id)
    router.post('/:code', [Data, 'store']).where('code', code)
    router.put('/:code/:id', [Data, 'update']).where('code', code).where('id', id)
    router.delete('/:code/:id', [Data, 'destroy']).where('code', code).where('id', id)
    // 附件: upload before the save, download through the record (its scope decides).
    router.post('/:code/files/:field', [Data, 'upload']).where('code', code).where('field', field)
    router
      .get('/:code/:id/files/:field', [Data, 'download'])
      .where('code', code)
      .where('id', id)
      .where('field', field)
  })
  .prefix('/api/form-data')
  .use(middleware.auth())

formLedgerRoutes()
