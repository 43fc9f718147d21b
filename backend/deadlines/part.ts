import { definePart } from '#core/plugins/define_part'

const DeadlinesController = () => import('./deadlines_controller.js')

/*
| 时效提醒's route: 我的时效 on the home page. Like /api/messages it needs only a
| signed-in user: it lists the caller's OWN deadlines, selected by user id in the
| query, never by a parameter the caller controls; a grantable code would let a
| role created later silently miss its 时效 reminders. The reminder job and the
| end-of-day step are declared with the message delivery (backend/messages/part.ts).
*/
export default definePart({
  area: 'deadlines',
  prefix: '/api/deadlines',
  routes(api) {
    api.signedIn.get('/mine', [DeadlinesController, 'mine'])
  },
})
