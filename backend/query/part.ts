import { definePart } from '#core/plugins/define_part'
import { numericId } from '#core/plugins/route_matchers'

const QueryController = () => import('./query_controller.js')
const QuerySavedController = () => import('./query_saved_controller.js')
const QueryReportsController = () => import('./query_reports_controller.js')

/*
| 综合查询 and 自主配置报表: a top-level 统计查询 directory with the query builder
| and the report list. Published reports are menu rows of their own (source
| 'admin', see backend/query/reports.ts), by default under this directory, and
| carry `system:report:view`.
|
| Routes (/api/query), each with its code: system:query:run (catalogue, run, own
| saved queries — sharing is checked in the service against system:query:share),
| system:query:export, system:report:publish (publish, withdraw, list) and
| system:report:view (open a published report from its menu).
*/
const button = (code: string, zh: string, en: string) => ({
  code,
  type: 'button' as const,
  name: { zh, en },
  permission: code,
})

export default definePart({
  area: 'query',
  prefix: '/api/query',
  routes(api) {
    api.get('/catalogue', [QueryController, 'catalogue'], 'system:query:run')
    api.post('/run', [QueryController, 'run'], 'system:query:run')
    api.post('/export', [QueryController, 'export'], 'system:query:export')

    api.get('/saved', [QuerySavedController, 'index'], 'system:query:run')
    api.get('/share-roles', [QuerySavedController, 'shareRoles'], 'system:query:share')
    api.post('/saved', [QuerySavedController, 'store'], 'system:query:run')
    api.get('/saved/:id', [QuerySavedController, 'show'], 'system:query:run').where('id', numericId)
    api
      .put('/saved/:id', [QuerySavedController, 'update'], 'system:query:run')
      .where('id', numericId)
    api
      .delete('/saved/:id', [QuerySavedController, 'destroy'], 'system:query:run')
      .where('id', numericId)

    api.get('/reports', [QueryReportsController, 'index'], 'system:report:publish')
    api.get(
      '/reports/parent-options',
      [QueryReportsController, 'parentOptions'],
      'system:report:publish'
    )
    api.post('/reports', [QueryReportsController, 'store'], 'system:report:publish')
    api
      .delete('/reports/:id', [QueryReportsController, 'destroy'], 'system:report:publish')
      .where('id', numericId)
    api
      .get('/reports/:id', [QueryReportsController, 'show'], 'system:report:view')
      .where('id', numericId)
    api
      .post('/reports/:id/run', [QueryReportsController, 'run'], 'system:report:view')
      .where('id', numericId)
    api
      .post('/reports/:id/export', [QueryReportsController, 'export'], 'system:query:export')
      .where('id', numericId)
  },
  menus: [
    {
      under: null,
      code: 'system:analysis',
      type: 'directory',
      name: { zh: '统计查询', en: 'Analysis' },
      icon: 'DataAnalysis',
      order: 700,
      children: [
        {
          code: 'system:query',
          type: 'page',
          name: { zh: '综合查询', en: 'Query builder' },
          permission: 'system:query:run',
          page: 'query/Builder',
          path: '/query/builder',
          icon: 'Search',
          order: 1,
          children: [
            button('system:query:share', '共享查询', 'Share queries'),
            button('system:query:export', '导出查询结果', 'Export query results'),
            button('system:report:publish', '发布报表', 'Publish reports'),
          ],
        },
        {
          code: 'system:reports',
          type: 'page',
          name: { zh: '报表管理', en: 'Reports' },
          permission: 'system:report:publish',
          page: 'query/Reports',
          path: '/query/reports',
          icon: 'Document',
          order: 2,
        },
      ],
    },
  ],
  permissions: [
    { code: 'system:report:view', name: { zh: '查看自定义报表', en: 'View custom reports' } },
  ],
  jobs: [{ name: 'system:query-export', handler: () => import('#core/query/query_export_job') }],
})
