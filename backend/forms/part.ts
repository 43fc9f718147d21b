import { definePart } from '#core/plugins/define_part'

const Forms = () => import('./forms_controller.js')
const Data = () => import('./form_data_controller.js')
const id = /^\d{1,9}$/
const code = /^[a-z][a-z0-9_]{1,30}$/
const field = /^[a-z][a-zA-Z0-9]{1,30}$/

/*
| 运维管理 › 表单构建: design forms; each effective form adds its own page and permissions
| (form_publish.ts). Routes: /api/forms (the designer) and /api/form-data/:code (the CRUD of
| effective forms). The form-data routes are signed-in only here because each form's own
| codes (form:<code>:list/create/update/delete) are made at publish time, after the routes
| are mounted: form_data_controller.ts checks them per request (without one the form is 404).
| Each form's ledger routes are added by form_ledger_routes.ts (routes.ts).
*/
export default definePart({
  area: 'forms',
  prefix: '/api',
  routes(api) {
    const design = 'system:form:design'
    api.get('/forms', [Forms, 'index'], 'system:form:list')
    api.get('/forms/menu-directories', [Forms, 'menuDirectories'], 'system:form:list')
    api.get('/forms/:id', [Forms, 'show'], 'system:form:list').where('id', id)
    api.post('/forms', [Forms, 'store'], design)
    api.put('/forms/:id', [Forms, 'update'], design).where('id', id)
    api.post('/forms/:id/changes', [Forms, 'draft'], design).where('id', id)
    api
      .post('/forms/:id/changes/:changeId/submit', [Forms, 'submit'], design)
      .where('id', id)
      .where('changeId', id)
    api
      .post('/forms/:id/changes/:changeId/retry', [Forms, 'retry'], design)
      .where('id', id)
      .where('changeId', id)
    api
      .delete('/forms/:id/changes/:changeId', [Forms, 'discard'], design)
      .where('id', id)
      .where('changeId', id)

    const data = api.signedIn
    data.get('/form-data/:code/schema', [Data, 'schema']).where('code', code)
    data.get('/form-data/:code', [Data, 'index']).where('code', code)
    data.get('/form-data/:code/:id', [Data, 'show']).where('code', code).where('id', id)
    data.post('/form-data/:code', [Data, 'store']).where('code', code)
    data.put('/form-data/:code/:id', [Data, 'update']).where('code', code).where('id', id)
    data.delete('/form-data/:code/:id', [Data, 'destroy']).where('code', code).where('id', id)
    // 附件: upload before the save, download through the record (its scope decides).
    data
      .post('/form-data/:code/files/:field', [Data, 'upload'])
      .where('code', code)
      .where('field', field)
    data
      .get('/form-data/:code/:id/files/:field', [Data, 'download'])
      .where('code', code)
      .where('id', id)
      .where('field', field)
  },
  menus: [
    {
      under: 'system:tools',
      code: 'system:forms',
      type: 'page',
      name: { zh: '表单构建', en: 'Form builder' },
      permission: 'system:form:list',
      page: 'forms/FormDesigner',
      path: '/forms/designer',
      icon: 'Grid',
      order: 6,
      children: [
        {
          code: 'system:form:design',
          type: 'button',
          name: { zh: '设计表单', en: 'Design forms' },
          permission: 'system:form:design',
          order: 1,
        },
      ],
    },
  ],
})
