/*
| Routes of the 系统管理 holidays area (under /api/system, each with its permission code).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HolidaysController = () => import('#core/controllers/system/holidays_controller')

const can = (permission: string) => middleware.can({ permission })

router
  .group(() => {
    router.get('/holidays', [HolidaysController, 'index']).use(can('system:holiday:list'))
    router.get('/holidays/years', [HolidaysController, 'years']).use(can('system:holiday:list'))
    router
      .get('/holidays/calendar', [HolidaysController, 'calendar'])
      .use(can('system:holiday:list'))
    router.post('/holidays', [HolidaysController, 'store']).use(can('system:holiday:create'))
    router
      .post('/holidays/import', [HolidaysController, 'import'])
      .use(can('system:holiday:import'))
    router
      .put('/holidays/:id', [HolidaysController, 'update'])
      .where('id', router.matchers.number())
      .use(can('system:holiday:update'))
    router
      .delete('/holidays/:id', [HolidaysController, 'destroy'])
      .where('id', router.matchers.number())
      .use(can('system:holiday:delete'))
  })
  .prefix('/api/system')
  .use(middleware.auth())
