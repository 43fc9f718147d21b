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
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DashboardController = () => import('#core/dashboard/dashboard_controller')

router
  .group(() => {
    router.get('/widgets', [DashboardController, 'widgets'])
    router
      .get('/widgets/:id/data', [DashboardController, 'widgetData'])
      .where('id', /^[a-z][a-z0-9-]*:[a-z0-9-]+$/)
    router.get('/layout', [DashboardController, 'layout'])
    router.put('/layout', [DashboardController, 'saveLayout'])
    router.delete('/layout', [DashboardController, 'resetLayout'])
    router.get('/shortcuts', [DashboardController, 'shortcuts'])
    router.put('/shortcuts', [DashboardController, 'saveShortcuts'])
    router.delete('/shortcuts', [DashboardController, 'resetShortcuts'])
  })
  .prefix('/api/dashboard')
  .use(middleware.auth())
