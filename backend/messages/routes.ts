/*
| 消息中心 and 我的时效 routes.
|
| Like GET /api/me and /api/notices/mine, these need only a signed-in user: they
| read and mark the caller's OWN messages, preferences and deadlines, selected
| by user id in the query, never by a parameter the caller controls. Being the
| addressee is the access rule (another user's message id is a 404). A
| grantable code would let a role created later silently miss 待办 and 时效
| reminders. The console's 消息中心 menu uses `system:message:mine`, which
| menu_tree.ts treats as held by every signed-in user for the same reason.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const MessagesController = () => import('#core/messages/messages_controller')
const DeadlinesController = () => import('#core/deadlines/deadlines_controller')

const numericId = router.matchers.number()

router
  .group(() => {
    router
      .group(() => {
        router.get('/', [MessagesController, 'index'])
        router.get('/unread-count', [MessagesController, 'unreadCount'])
        router.post('/read-all', [MessagesController, 'markAllRead'])
        router.get('/preferences', [MessagesController, 'preferences'])
        router.put('/preferences', [MessagesController, 'updatePreferences'])
        router.post('/:id/read', [MessagesController, 'markRead']).where('id', numericId)
      })
      .prefix('/messages')
    router.get('/deadlines/mine', [DeadlinesController, 'mine'])
  })
  .prefix('/api')
  .use(middleware.auth())
