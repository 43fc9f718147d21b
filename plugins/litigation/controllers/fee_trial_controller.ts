import type { HttpContext } from '@adonisjs/core/http'
import { courtFee, FEE_SCHEDULES, percentText } from '../fees/court_fee.js'
import { FEE_TRIAL_FIELDS, feeTrialValidator } from '../validators/fee_trial.js'
import { refuseUnknown } from '../validators/strict.js'

/*
| 诉讼费试算. A what-if that reads and writes nothing, so it is not audited. The
| schedules are served too, so the page shows the very table the server computes with.
*/
export default class FeeTrialController {
  async run(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), FEE_TRIAL_FIELDS)
    const input = await ctx.request.validateUsing(feeTrialValidator)
    // A FeeTrialError (an amount the schedule cannot take) is answered by the exception handler.
    return courtFee(input.kind, input.amount, { summaryProcedure: input.summaryProcedure })
  }

  /** The schedules with each rate also as a percentage ("0.025" → "2.5%") for the table. */
  async schedules() {
    return {
      data: FEE_SCHEDULES.map((schedule) => ({
        ...schedule,
        bands: schedule.bands.map((band) => ({
          ...band,
          percent: band.rate ? percentText(band.rate) : undefined,
        })),
      })),
    }
  }
}
