/*
| 定期检查 periods: a plan's frequency cuts the calendar into periods (月, 季, 半年,
| 年); a task is generated once per plan, customer and period, due on the last
| day of the period — moved to the next working day when that is a holiday
| (the caller applies the calendar).
*/
import { fromDayNumber, toDayNumber } from '#core/holidays/calendar_date'

export const FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const
export type Frequency = (typeof FREQUENCIES)[number]

const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 }

const lastDayOf = (year: number, month: number) =>
  fromDayNumber(toDayNumber(`${year}-${String(month + 1).padStart(2, '0')}-01`) - 1)

/** The period containing `date`: its key ('2026M03', '2026Q1', '2026H1', '2026'), first and last day. */
export function periodOf(frequency: Frequency, date: string) {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const span = MONTHS[frequency]
  const index = Math.floor((month - 1) / span)
  const firstMonth = index * span + 1
  const lastMonth = firstMonth + span - 1
  const key =
    frequency === 'monthly'
      ? `${year}M${String(month).padStart(2, '0')}`
      : frequency === 'quarterly'
        ? `${year}Q${index + 1}`
        : frequency === 'semiannual'
          ? `${year}H${index + 1}`
          : `${year}`
  const end = lastMonth === 12 ? `${year}-12-31` : lastDayOf(year, lastMonth)
  return { key, start: `${year}-${String(firstMonth).padStart(2, '0')}-01`, end }
}
