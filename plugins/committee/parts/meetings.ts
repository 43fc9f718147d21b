import { definePart } from '#core/plugins/define_part'

/*
| 会议管理: meetings (prepare, attendance, open, minutes, close), voting per item,
| 决议 and 会议纪要 PDFs, 上会材料. plugin.ts puts the menu under 日常管理 ›
| 资产处置委员会会议.
*/
const Meetings = () => import('../controllers/meetings_controller.js')
const Voting = () => import('../controllers/voting_controller.js')
const Documents = () => import('../controllers/documents_controller.js')
const Materials = () => import('../controllers/materials_controller.js')
const Options = () => import('../controllers/options_controller.js')

export const LIST = 'committee:meeting:list'
export const MANAGE = 'committee:meeting:manage'
export const VOTE = 'committee:meeting:vote'

const part = definePart({
  routes(router) {
    router.get('/meetings', [Meetings, 'index'], LIST)
    router.get('/meetings/:id', [Meetings, 'show'], LIST)
    router.get('/meetings/:id/minutes.pdf', [Documents, 'minutes'], LIST)
    router.get('/meetings/:id/items/:itemId/resolution.pdf', [Documents, 'resolution'], LIST)
    router.get('/materials/:id', [Materials, 'download'], 'committee:item:list')
    // Preparing and running a sitting (the service also checks chair / secretary).
    router.post('/meetings', [Meetings, 'store'], MANAGE)
    router.put('/meetings/:id', [Meetings, 'update'], MANAGE)
    router.post('/meetings/:id/agenda', [Meetings, 'addAgenda'], MANAGE)
    router.post('/meetings/:id/motions', [Meetings, 'motion'], MANAGE)
    router.delete('/meetings/:id/agenda/:itemId', [Meetings, 'removeAgenda'], MANAGE)
    router.put('/meetings/:id/attendance', [Meetings, 'attendance'], MANAGE)
    router.post('/meetings/:id/open', [Meetings, 'open'], MANAGE)
    router.put('/meetings/:id/minutes', [Meetings, 'minutes'], MANAGE)
    router.post('/meetings/:id/close', [Meetings, 'close'], MANAGE)
    router.post('/meetings/:id/cancel', [Meetings, 'cancel'], MANAGE)
    router.post('/meetings/:id/items/:itemId/open-voting', [Voting, 'open'], MANAGE)
    router.post('/meetings/:id/items/:itemId/close-voting', [Voting, 'close'], MANAGE)
    router.post('/meetings/:id/items/:itemId/announce', [Voting, 'announce'], MANAGE)
    router.post('/items/:id/materials', [Materials, 'upload'], MANAGE)
    router.get('/people-options', [Options, 'people'], MANAGE)
    router.get('/org-options', [Options, 'orgs'], MANAGE)
    // A member's ballot (or a proxy's for the member who delegated).
    router.post('/meetings/:id/items/:itemId/votes', [Voting, 'cast'], VOTE)
  },

  permissions: [{ code: VOTE, name: { zh: '参加委员会表决', en: 'Vote in the committee' } }],

  menus: [
    {
      code: 'committee:meetings',
      type: 'page',
      name: { zh: '会议管理', en: 'Meetings' },
      permission: LIST,
      // ?id= opens one meeting (agenda, attendance, voting, results, PDFs).
      page: 'committee/Meetings',
      icon: 'Calendar',
      children: [
        {
          code: 'committee:meeting:manage',
          type: 'button',
          name: { zh: '筹备与主持会议', en: 'Prepare and run meetings' },
          permission: MANAGE,
        },
        {
          code: 'committee:meeting:vote',
          type: 'button',
          name: { zh: '表决', en: 'Vote' },
          permission: VOTE,
        },
      ],
    },
  ],

  // 会议通知: the people called to a meeting, when it is created and when it opens.
  messageTypes: [
    {
      type: 'committee.meeting-called',
      name: { zh: '委员会会议通知', en: 'Committee meeting notice' },
      channels: ['inapp', 'email'],
      optional: ['email'],
    },
  ],

  documentTemplates: [
    {
      code: 'resolution',
      name: { zh: '资产处置委员会决议', en: 'Committee resolution' },
      file: 'documents/resolution.hbs',
    },
    {
      code: 'minutes',
      name: { zh: '资产处置委员会会议纪要', en: 'Committee minutes' },
      file: 'documents/minutes.hbs',
    },
  ],
})

export default part
