import { DateTime } from 'luxon'

/**
 * The trend points of a dashboard line: the last day of each of the `count - 1`
 * months before `asOf`, then `asOf` itself (the current month so far).
 */
export function monthEnds(asOf: string, count = 12): string[] {
  const day = DateTime.fromISO(asOf)
  const points: string[] = []
  for (let back = count - 1; back >= 1; back--)
    points.push(day.minus({ months: back }).endOf('month').toISODate()!)
  points.push(asOf)
  return points
}
