import { definePart } from '#core/plugins/define_part'
import { outcomeLedger } from '../ledgers/outcome_ledger.js'

/*
| 处置结果 (disposal outcomes): the record every completed disposal writes
| through services/outcomes_api.ts; 资产处置台账 lists it (core ledger
| framework, /ledgers/disposal-outcomes); the recovery flow (repayments after
| handover) feeds it every evening and on the demo.
*/
const Outcomes = () => import('../controllers/outcome_controller.js')
const LEDGER = 'disposal:ledger:list'

const part = definePart({
  routes(router) {
    router.get('/outcomes/:id', [Outcomes, 'show'], LEDGER)
  },

  permissions: [
    { code: LEDGER, name: { zh: '查看资产处置台账', en: 'View the disposal ledger' } },
    {
      code: 'disposal:ledger:export',
      name: { zh: '导出资产处置台账', en: 'Export the disposal ledger' },
    },
  ],

  jobs: [
    {
      name: 'disposal:recovery-outcomes',
      handler: () => import('../jobs/recovery_outcomes.js'),
    },
    { name: 'disposal:demo-seed', handler: () => import('../jobs/demo_seed.js') },
  ],

  // After credit-assets' steps (plugin dependency order): the day's repayments are in.
  dailySteps: [
    {
      name: 'disposal:recovery-outcomes',
      handler: () => import('../daily/recovery_outcomes.js'),
    },
  ],

  ledgers: [outcomeLedger],
})

export default part
