import type { ManifestPart } from '#core/system/parts/part'

/*
| 综合查询 and 自主配置报表: a top-level 统计查询 directory with the query builder
| and the report list. Published reports are menu rows of their own (source
| 'admin', see backend/query/reports.ts), by default under this directory, and
| carry `system:report:view`.
*/
const button = (code: string, zh: string, en: string) => ({
  code,
  type: 'button' as const,
  name: { zh, en },
  permission: code,
})

const part: ManifestPart = {
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
}

export default part
