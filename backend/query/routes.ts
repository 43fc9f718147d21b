/*
| Routes of 综合查询 and 自主配置报表 (/api/query). Every route names its code:
| system:query:run (catalogue, run, own saved queries — sharing is checked in
| the service against system:query:share), system:query:export,
| system:report:publish (publish, withdraw, list) and system:report:view
| (open a published report from its menu).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const QueryController = () => import('#core/query/query_controller')
const QuerySavedController = () => import('#core/query/query_saved_controller')
const QueryReportsController = () => import('#core/query/query_reports_controller')

const can = (permission: string) => middleware.can({ permission })
const numericId = router.matchers.number()

router
  .group(() => {
    router.get('/catalogue', [QueryController, 'catalogue']).use(can('system:query:run'))
    router.post('/run', [QueryController, 'run']).use(can('system:query:run'))
    router.post('/export', [QueryController, 'export']).use(can('system:query:export'))

    router.get('/saved', [QuerySavedController, 'index']).use(can('system:query:run'))
    router.get('/share-roles', [QuerySavedController, 'shareRoles']).use(can('system:query:share'))
    router.post('/saved', [QuerySavedController, 'store']).use(can('system:query:run'))
    router
      .get('/saved/:id', [QuerySavedController, 'show'])
      .where('id', numericId)
      .use(can('system:query:run'))
    router
      .put('/saved/:id', [QuerySavedController, 'update'])
      .where('id', numericId)
      .use(can('system:query:run'))
    router
      .delete('/saved/:id', [QuerySavedController, 'destroy'])
      .where('id', numericId)
      .use(can('system:query:run'))

    router.get('/reports', [QueryReportsController, 'index']).use(can('system:report:publish'))
    router
      .get('/reports/parent-options', [QueryReportsController, 'parentOptions'])
      .use(can('system:report:publish'))
    router.post('/reports', [QueryReportsController, 'store']).use(can('system:report:publish'))
    router
      .delete('/reports/:id', [QueryReportsController, 'destroy'])
      .where('id', numericId)
      .use(can('system:report:publish'))
    router
      .get('/reports/:id', [QueryReportsController, 'show'])
      .where('id', numericId)
      .use(can('system:report:view'))
    router
      .post('/reports/:id/run', [QueryReportsController, 'run'])
      .where('id', numericId)
      .use(can('system:report:view'))
    router
      .post('/reports/:id/export', [QueryReportsController, 'export'])
      .where('id', numericId)
      .use(can('system:query:export'))
  })
  .prefix('/api/query')
  .use(middleware.auth())
