/*
| 记录选择器 routes (console OrgPicker / UserPicker).
|
| Like GET /api/me, these need only a signed-in user: every business form that
| assigns an org or a person uses them, whatever its module's permission, and
| the answer never leaves the caller's data scope (orgs and users in scope; for
| a record, only when the caller can see the record). A grantable code would
| make every new role break every form that has a picker.
*/
import { definePart } from '#core/plugins/define_part'

const PickersController = () => import('./pickers_controller.js')

export default definePart({
  area: 'pickers',
  prefix: '/api/pickers',
  routes(api) {
    api.signedIn.get('/orgs', [PickersController, 'orgs'])
    api.signedIn.get('/users', [PickersController, 'users'])
  },
})
