/*
| Routes of the 首页视图 dashboard (/api/dashboard).
|
| Like GET /api/me they need only a signed-in user: the home page is every
| user's landing page, and everything it returns is the caller's own.
| - /widgets lists only the widgets whose permission the caller holds;
| - /widgets/:id/data checks the widget's own permission code (403 without it)
|   and applies that code's data scope, exactly as the route of the page the
|   code guards would (backend/dashboard/widget_data.ts);
| - /layout and /shortcuts read and write the caller's own row; a layout may
|   name only widgets the caller may see, shortcuts only pages they may open.
*/
import { definePart } from '#core/plugins/define_part'

const DashboardController = () => import('./dashboard_controller.js')

export default definePart({
  area: 'dashboard',
  prefix: '/api/dashboard',
  routes(api) {
    api.signedIn.get('/widgets', [DashboardController, 'widgets'])
    api.signedIn
      .get('/widgets/:id/data', [DashboardController, 'widgetData'])
      .where('id', /^[a-z][a-z0-9-]*:[a-z0-9-]+$/)
    api.signedIn.get('/layout', [DashboardController, 'layout'])
    api.signedIn.put('/layout', [DashboardController, 'saveLayout'])
    api.signedIn.delete('/layout', [DashboardController, 'resetLayout'])
    api.signedIn.get('/shortcuts', [DashboardController, 'shortcuts'])
    api.signedIn.put('/shortcuts', [DashboardController, 'saveShortcuts'])
    api.signedIn.delete('/shortcuts', [DashboardController, 'resetShortcuts'])
  },
})
