import { definePart } from '#core/plugins/define_part'

/*
| 诉讼费试算 (court-fee trial, 《诉讼费用交纳办法》): the calculation, the schedules it
| uses, and the console page that shows both. The function itself is public
| (services/fee_api.ts) for the case form's proposed fees.
*/
const FeeTrial = () => import('../controllers/fee_trial_controller.js')
const TRIAL = 'litigation:fee-trial:run'

const part = definePart({
  routes(router) {
    router.post('/fee-trial', [FeeTrial, 'run'], TRIAL)
    router.get('/fee-trial/schedules', [FeeTrial, 'schedules'], TRIAL)
  },
  permissions: [],
  menus: [
    {
      code: 'litigation:fee-trial',
      type: 'page',
      name: { zh: '诉讼费试算', en: 'Court Fee Trial' },
      permission: TRIAL,
      page: 'litigation/fees/FeeTrial',
      icon: 'Money',
      order: 90,
    },
  ],
})

export default part
