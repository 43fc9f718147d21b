import { definePart } from '#core/plugins/define_part'

/* 运维管理 · 系统监控 › 数据监控: usage and backlog figures (Prometheus: GET /metrics). */
const MonitorController = () => import('./monitor_controller.js')

export default definePart({
  area: 'monitor',
  routes(api) {
    api.get('/monitor/usage', [MonitorController, 'usage'], 'system:monitor:data')
  },
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
})
