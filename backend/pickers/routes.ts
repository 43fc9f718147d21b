/*
| 记录选择器 routes (console OrgPicker / UserPicker).
|
| Like GET /api/me, these need only a signed-in user: every business form that
| assigns an org or a person uses them, whatever its module's permission, and
| the answer never leaves the caller's data scope (orgs and users in scope; for
| a record, only when the caller can see the record). A grantable code would
| make every new role break every form that has a picker.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const PickersController = () => import('#core/pickers/pickers_controller')

router
  .group(() => {
    router.get('/orgs', [PickersController, 'orgs'])
    router.get('/users', [PickersController, 'users'])
  })
  .prefix('/api/pickers')
  .use(middleware.auth())
