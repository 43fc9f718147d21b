import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Runs end of day (日终) for the current business date, then advances it. */
export default class BusinessDayAdvance extends BaseCommand {
  static commandName = 'business-day:advance'
  static description =
    'Run end-of-day steps for the current business date (营业日期) and advance it'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { runEndOfDay } = await import('#core/business_day/end_of_day')
    const report = await runEndOfDay()
    this.logger.success(
      `business date ${report.businessDate} → ${report.nextBusinessDate}; ran ${report.ran.length}, skipped ${report.skipped.length}`
    )
  }
}
