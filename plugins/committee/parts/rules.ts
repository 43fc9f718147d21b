import type { Part } from './part.js'

/*
| 议事规则: the rule of each meeting type as records administrators change
| (quorum, pass threshold, options, veto, ballot, abstention, tie); a meeting
| keeps the rule it opened under.
*/
const Rules = () => import('../controllers/rules_controller.js')

const LIST = 'committee:rule:list'
const UPDATE = 'committee:rule:update'

const part: Part = {
  routes(router) {
    router.get('/rules', [Rules, 'index'], LIST)
    router.put('/rules/:type', [Rules, 'update'], UPDATE)
  },
  menus: [
    {
      code: 'committee:rules',
      type: 'page',
      name: { zh: '议事规则', en: 'Voting Rules' },
      permission: LIST,
      page: 'committee/Rules',
      icon: 'Setting',
      children: [
        {
          code: 'committee:rule:update',
          type: 'button',
          name: { zh: '修改', en: 'Edit' },
          permission: UPDATE,
        },
      ],
    },
  ],
}

export default part
