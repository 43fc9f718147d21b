import { definePart } from '#core/plugins/define_part'

const MetricsController = () => import('./metrics_controller.js')

/*
| 数据监控 · Prometheus: `GET /metrics` outside /api (where scrapers look). Public to the
| router because a scraper is no user: the controller checks the metrics token itself
| (METRICS_TOKEN; while it is unset the endpoint answers 404).
*/
export default definePart({
  area: 'metrics',
  prefix: '',
  routes(api) {
    api.public.get('/metrics', [MetricsController, 'show'])
  },
})
