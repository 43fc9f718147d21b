/* 运维管理 · 数据监控 (GET /api/system/monitor/…, permission system:monitor:data). */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const MonitorController = () => import('./monitor_controller.js')

router
  .get('/api/system/monitor/usage', [MonitorController, 'usage'])
  .use([middleware.auth(), middleware.can({ permission: 'system:monitor:data' })])
