import type { ManifestPart } from './part.js'

/* 系统管理 · holidays: the 节假日管理 page and its buttons. */
const button = (action: string, zh: string, en: string) => ({
  code: `system:holiday:${action}`,
  type: 'button' as const,
  name: { zh, en },
  permission: `system:holiday:${action}`,
})

const part: ManifestPart = {
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
}

export default part
