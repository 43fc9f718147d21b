/*
| Sign-in, sessions and 在线用户. Login, captcha and SSO are public (rate limited);
| the rest need a session, and a session that must change its password first
| reaches only me / logout / password.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AuthController = () => import('#core/controllers/auth_controller')
const SessionsController = () => import('#core/controllers/system/sessions_controller')
const ChangesController = () => import('#core/controllers/system/changes_controller')

const can = (permission: string) => middleware.can({ permission })

router
  .group(() => {
    router.post('/auth/login', [AuthController, 'login'])
    router.get('/auth/captcha', [AuthController, 'captcha'])
    router.post('/auth/sso', [AuthController, 'sso'])

    router
      .group(() => {
        router.post('/auth/logout', [AuthController, 'logout'])
        router.get('/me', [AuthController, 'me'])
        router.post('/auth/password', [AuthController, 'changePassword'])
      })
      .use(middleware.auth({ allowPasswordChangeOnly: true }))

    router
      .group(() => {
        router.get('/sessions', [SessionsController, 'index']).use(can('system:session:list'))
        router
          .delete('/sessions/:id', [SessionsController, 'destroy'])
          .use(can('system:session:kick'))
        router.get('/changes', [ChangesController, 'index']).use(can('system:change:list'))
        router
          .post('/changes/:id/approve', [ChangesController, 'approve'])
          .use(can('system:change:approve'))
        router
          .post('/changes/:id/reject', [ChangesController, 'reject'])
          .use(can('system:change:approve'))
        router
          .post('/changes/:id/withdraw', [ChangesController, 'withdraw'])
          .use(can('system:change:list'))
      })
      .prefix('/system')
      .use(middleware.auth())
  })
  .prefix('/api')
