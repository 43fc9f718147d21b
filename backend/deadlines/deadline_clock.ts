/*
| "Today" for deadline reminders: the bank's business date (营业日期), which the
| end-of-day run moves on; tests fix it with `deadlineClock.fix('2026-09-24')`
| (plain assignment, so it also holds for HTTP requests the test makes).
*/
import { assertDate, businessDate } from '#core/business_day/business_date'

let fixed: string | null = null

export const deadlineClock = {
  async today(): Promise<string> {
    return fixed ?? businessDate.current()
  },
  fix(date: string | null) {
    fixed = date === null ? null : assertDate(date)
  },
}
