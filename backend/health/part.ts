/*
| GET /api/health: public, for the load balancer and monitoring, which hold no
| session; it answers up/down of the database and Redis, never data.
*/
import { definePart } from '#core/plugins/define_part'

const HealthController = () => import('./health_controller.js')

export default definePart({
  area: 'health',
  prefix: '/api',
  routes(api) {
    api.public.get('/health', [HealthController, 'show'])
  },
})
