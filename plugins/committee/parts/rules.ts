import { definePart } from '#core/plugins/define_part'

/*
| 议事规则: the rule of each meeting type as records administrators change
| (quorum, pass threshold, options, veto, ballot, abstention, tie); a meeting
| keeps the rule it opened under.
*/
const Rules = () => import('../controllers/rules_controller.js')
const Roster = () => import('../controllers/roster_controller.js')

const LIST = 'committee:rule:list'
const UPDATE = 'committee:rule:update'

const part = definePart({
  routes(router) {
    router.get('/rules', [Rules, 'index'], LIST)
    router.put('/rules/:type', [Rules, 'update'], UPDATE)
    // 委员名单 of an organising org: proposed on 新建会议.
    router.get('/roster/:orgId', [Roster, 'show'], 'committee:meeting:manage')
    router.put('/roster/:orgId', [Roster, 'update'], UPDATE)
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
})

export default part
