import { definePart } from '#core/plugins/define_part'

/*
| 利息试算 (overdue interest trial): the calculation endpoint, the loan picker
| that fills the form from a real loan, and the console page. One permission
| covers all three: the lookups serve only the trial form and are data-scoped.
| plugin.ts merges every parts/*.ts into the disposal manifest.
*/
const InterestTrial = () => import('../controllers/interest_trial_controller.js')
const TRIAL = 'disposal:interest:trial'

const part = definePart({
  routes(router) {
    router.post('/interest-trial', [InterestTrial, 'run'], TRIAL)
    router.get('/interest-trial/loans', [InterestTrial, 'loans'], TRIAL)
    router.get('/interest-trial/loans/:id', [InterestTrial, 'prefill'], TRIAL)
  },
  permissions: [],
  menus: [
    {
      code: 'disposal:interest-trial',
      type: 'page',
      name: { zh: '利息试算', en: 'Interest Trial' },
      permission: TRIAL,
      page: 'disposal/InterestTrial',
      icon: 'Money',
      order: 30,
    },
  ],
  dictionaries: [],
  settings: [],
  jobs: [],
  dailySteps: [],
})

export default part
