import { definePart } from '#core/plugins/define_part'
import { numericId } from '#core/plugins/route_matchers'

const HolidaysController = () => import('./holidays_controller.js')

/* 系统管理 · holidays: the 节假日管理 page, its buttons and its routes under /api/system. */
const button = (action: string, zh: string, en: string) => ({
  code: `system:holiday:${action}`,
  type: 'button' as const,
  name: { zh, en },
  permission: `system:holiday:${action}`,
})

export default definePart({
  area: 'holidays',
  routes(api) {
    api.get('/holidays', [HolidaysController, 'index'], 'system:holiday:list')
    api.get('/holidays/years', [HolidaysController, 'years'], 'system:holiday:list')
    api.get('/holidays/calendar', [HolidaysController, 'calendar'], 'system:holiday:list')
    api.post('/holidays', [HolidaysController, 'store'], 'system:holiday:create')
    api.post('/holidays/import', [HolidaysController, 'import'], 'system:holiday:import')
    api
      .put('/holidays/:id', [HolidaysController, 'update'], 'system:holiday:update')
      .where('id', numericId)
    api
      .delete('/holidays/:id', [HolidaysController, 'destroy'], 'system:holiday:delete')
      .where('id', numericId)
  },
  menus: [
    {
      under: 'system:params',
      code: 'system:holidays',
      type: 'page',
      name: { zh: '节假日管理', en: 'Holidays' },
      permission: 'system:holiday:list',
      page: 'system/Holidays',
      path: '/system/holidays',
      icon: 'Calendar',
      order: 5,
      children: [
        button('create', '新增节假日', 'Create holiday entry'),
        button('update', '修改节假日', 'Edit holiday entry'),
        button('delete', '删除节假日', 'Delete holiday entry'),
        button('import', '导入放假安排', 'Import holiday arrangement'),
      ],
    },
  ],
  dictionaries: [],
  settings: [],
})
