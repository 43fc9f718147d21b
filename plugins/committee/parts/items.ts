import { definePart } from '#core/plugins/define_part'

/*
| 上会事项: the pool of items other plugins submitted (committee_api.submitItem),
| read in the user's data scope (the submitting org), with their materials.
*/
const Items = () => import('../controllers/items_controller.js')

export const ITEM_LIST = 'committee:item:list'

const part = definePart({
  routes(router) {
    router.get('/items', [Items, 'index'], ITEM_LIST)
    router.get('/items/:id', [Items, 'show'], ITEM_LIST)
    router.get('/item-kinds', [Items, 'kinds'], ITEM_LIST)
  },
  menus: [
    {
      code: 'committee:items',
      type: 'page',
      name: { zh: '上会事项', en: 'Committee Items' },
      permission: ITEM_LIST,
      page: 'committee/Items',
      icon: 'List',
    },
  ],
})

export default part
