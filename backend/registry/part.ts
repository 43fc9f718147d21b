import { definePart, type PartMenu } from '#core/plugins/define_part'

const DictionariesController = () => import('./dictionaries_controller.js')
const DictionariesAdminController = () => import('./dictionaries_admin_controller.js')
const MenusController = () => import('./menus_controller.js')
const PromptsController = () => import('./prompts_controller.js')
const RegistryController = () => import('./registry_controller.js')

/*
| 系统管理 · registry: 系统提示管理 page and the action buttons of 数据字典, 参数管理
| and 菜单管理, placed under those pages (declared in the base manifest); the
| routes of 菜单管理, 数据字典, 系统提示管理, 参数管理 (业务参数 / 技术参数) and
| 插件管理 under /api/system, each with its permission code; and what every
| signed-in console reads (dictionaries, prompt texts).
*/
const button = (code: string, zh: string, en: string, order: number, under?: string): PartMenu => ({
  under,
  code,
  type: 'button',
  name: { zh, en },
  permission: code,
  order,
})

export default definePart({
  area: 'registry',
  prefix: '/api',
  routes(api) {
    /* Any signed-in user: the console renders codes as labels and may show prompt texts. */
    api.signedIn.get('/dictionaries', [DictionariesController, 'index'])
    api.signedIn.get('/dictionaries/version', [DictionariesController, 'version'])
    api.signedIn.get('/prompts', [PromptsController, 'overrides'])

    api.get('/system/menus', [MenusController, 'index'], 'system:menu:list')
    api.post('/system/menus', [MenusController, 'store'], 'system:menu:create')
    api.put('/system/menus/:code', [MenusController, 'update'], 'system:menu:update')
    api.delete('/system/menus/:code', [MenusController, 'destroy'], 'system:menu:delete')

    const dicts = '/system/dictionaries'
    api.get(dicts, [DictionariesAdminController, 'index'], 'system:dict:list')
    api.post(dicts, [DictionariesAdminController, 'storeType'], 'system:dict:create')
    api.put(`${dicts}/:code`, [DictionariesAdminController, 'updateType'], 'system:dict:update')
    api.delete(`${dicts}/:code`, [DictionariesAdminController, 'destroyType'], 'system:dict:delete')
    api.put(`${dicts}/:code/order`, [DictionariesAdminController, 'reorder'], 'system:dict:update')
    api.post(
      `${dicts}/:code/items`,
      [DictionariesAdminController, 'storeItem'],
      'system:dict:create'
    )
    api.put(
      `${dicts}/:code/items/:id`,
      [DictionariesAdminController, 'updateItem'],
      'system:dict:update'
    )
    api.delete(
      `${dicts}/:code/items/:id`,
      [DictionariesAdminController, 'destroyItem'],
      'system:dict:delete'
    )

    api.get('/system/prompts', [PromptsController, 'index'], 'system:prompt:list')
    api.put('/system/prompts/:key', [PromptsController, 'update'], 'system:prompt:update')

    api.get('/system/settings', [RegistryController, 'settings'], 'system:setting:list')
    api.put('/system/settings/:key', [RegistryController, 'updateSetting'], 'system:setting:update')
    api.put(
      '/system/settings/:key/freeze',
      [RegistryController, 'freezeSetting'],
      'system:setting:freeze'
    )

    api.get('/system/plugins', [RegistryController, 'plugins'], 'system:plugin:list')
  },
  menus: [
    {
      under: 'system:params',
      code: 'system:prompts',
      type: 'page',
      name: { zh: '系统提示管理', en: 'System prompts' },
      permission: 'system:prompt:list',
      page: 'system/Prompts',
      path: '/system/prompts',
      icon: 'ChatLineSquare',
      order: 4,
      children: [button('system:prompt:update', '修改系统提示', 'Edit prompt', 1)],
    },
    button(
      'system:dict:create',
      '新增数据字典',
      'Create dictionary entry',
      1,
      'system:dictionaries'
    ),
    button('system:dict:update', '修改数据字典', 'Edit dictionary entry', 2, 'system:dictionaries'),
    button(
      'system:dict:delete',
      '删除数据字典',
      'Delete dictionary entry',
      3,
      'system:dictionaries'
    ),
    button(
      'system:setting:freeze',
      '冻结/解冻参数',
      'Freeze or unfreeze parameter',
      2,
      'system:settings'
    ),
    button('system:menu:create', '新增菜单目录', 'Create menu directory', 2, 'system:menus'),
    button('system:menu:delete', '删除菜单目录', 'Delete menu directory', 3, 'system:menus'),
  ],
  dictionaries: [
    {
      type: 'setting_category',
      name: { zh: '参数类别', en: 'Parameter category' },
      items: [
        { code: 'business', label: { zh: '业务参数', en: 'Business' }, color: 'primary', order: 1 },
        {
          code: 'technical',
          label: { zh: '技术参数', en: 'Technical' },
          color: 'warning',
          order: 2,
        },
      ],
    },
    {
      type: 'setting_type',
      name: { zh: '参数类型', en: 'Parameter type' },
      items: [
        { code: 'string', label: { zh: '文本', en: 'Text' }, order: 1 },
        { code: 'number', label: { zh: '数字', en: 'Number' }, order: 2 },
        { code: 'amount', label: { zh: '金额', en: 'Amount' }, order: 3 },
        { code: 'boolean', label: { zh: '是/否', en: 'Yes/No' }, order: 4 },
        { code: 'json', label: { zh: 'JSON', en: 'JSON' }, order: 5 },
      ],
    },
    {
      type: 'prompt_kind',
      name: { zh: '提示类别', en: 'Prompt kind' },
      items: [
        { code: 'message', label: { zh: '业务提示', en: 'Message' }, color: 'primary', order: 1 },
        {
          code: 'validation',
          label: { zh: '校验提示', en: 'Validation' },
          color: 'warning',
          order: 2,
        },
        { code: 'console', label: { zh: '前端提示', en: 'Console' }, color: 'success', order: 3 },
        { code: 'other', label: { zh: '已停用的键', en: 'Retired key' }, color: 'info', order: 4 },
      ],
    },
  ],
  settings: [],
})
