/*
| Routes of the 系统管理 notices area.
|
| /api/system/notices — management, each route with its `system:notice:*` code.
|
| /api/notices/mine   — the reader's side. Like GET /api/me it needs only a
| signed-in user: reading a notice addressed to you is implied by being
| addressed (system:notice:read is held by every signed-in user, not granted).
| Why not a grantable code: a publisher who sends to 全行 or to a role expects
| every such user to get it; a role created later without the grant would
| silently miss 紧急通知. The addressing filter in backend/notices/my_notices.ts
| is the access rule, and a notice not addressed to the caller is a 404.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const NoticesController = () => import('#core/controllers/system/notices_controller')

const can = (permission: string) => middleware.can({ permission })
const numericId = router.matchers.number()

router
  .group(() => {
    router
      .group(() => {
        router.get('/', [NoticesController, 'index']).use(can('system:notice:list'))
        router
          .get('/audience-options', [NoticesController, 'audienceOptions'])
          .use(can('system:notice:publish'))
        router
          .get('/:id', [NoticesController, 'show'])
          .where('id', numericId)
          .use(can('system:notice:list'))
        router.post('/', [NoticesController, 'store']).use(can('system:notice:create'))
        router
          .put('/:id', [NoticesController, 'update'])
          .where('id', numericId)
          .use(can('system:notice:update'))
        router
          .post('/:id/publish', [NoticesController, 'publish'])
          .where('id', numericId)
          .use(can('system:notice:publish'))
        router
          .post('/:id/revoke', [NoticesController, 'revoke'])
          .where('id', numericId)
          .use(can('system:notice:revoke'))
        router
          .delete('/:id', [NoticesController, 'destroy'])
          .where('id', numericId)
          .use(can('system:notice:delete'))
      })
      .prefix('/system/notices')

    router
      .group(() => {
        router.get('/', [NoticesController, 'mine'])
        router.get('/unread-count', [NoticesController, 'myUnreadCount'])
        router.post('/read-all', [NoticesController, 'markAllRead'])
        router.get('/:id', [NoticesController, 'showMine']).where('id', numericId)
        router.post('/:id/read', [NoticesController, 'markRead']).where('id', numericId)
      })
      .prefix('/notices/mine')
  })
  .prefix('/api')
  .use(middleware.auth())
