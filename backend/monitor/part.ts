import type { ManifestPart } from '#core/system/parts/part'

/* 运维管理 · 系统监控 › 数据监控: usage and backlog figures (Prometheus: GET /metrics). */
const part: ManifestPart = {
  menus: [
    {
      under: 'system:monitor',
      code: 'system:data-monitor',
      type: 'page',
      name: { zh: '数据监控', en: 'Data monitoring' },
      permission: 'system:monitor:data',
      page: 'system/DataMonitor',
      path: '/system/data-monitor',
      icon: 'TrendCharts',
      order: 2,
    },
  ],
}

export default part
