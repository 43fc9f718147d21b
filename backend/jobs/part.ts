/*
| Job progress (/api/jobs/:id) and 任务列表 (/api/system/jobs).
| GET /api/jobs/:id needs only a signed-in user: the controller hands a job's
| progress to the user who started it (or a holder of system:job:list), whose
| rights were checked when it was queued; the list names its code.
*/
import { definePart } from '#core/plugins/define_part'

const JobsController = () => import('./jobs_controller.js')

export default definePart({
  area: 'jobs',
  prefix: '/api',
  routes(api) {
    api.signedIn.get('/jobs/:id', [JobsController, 'show'])
    api.get('/system/jobs', [JobsController, 'index'], 'system:job:list')
  },
})
