/*
| GET /api/exports/:jobId/download?token= needs only a signed-in user, like
| GET /api/jobs/:id: the file is handed only to the user who started the job
| (see exports_controller.ts), whose rights were checked when it was queued.
*/
import { definePart } from '#core/plugins/define_part'

const ExportsController = () => import('./exports_controller.js')

export default definePart({
  area: 'exports',
  prefix: '/api/exports',
  routes(api) {
    api.signedIn.get('/:jobId/download', [ExportsController, 'download'])
  },
})
