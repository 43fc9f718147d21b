/*
| 数据监控 · Prometheus: `GET /metrics` outside /api (where scrapers look), its own
| token instead of a session (a scraper is no user).
*/
import router from '@adonisjs/core/services/router'

const MetricsController = () => import('./metrics_controller.js')

router.get('/metrics', [MetricsController, 'show'])
