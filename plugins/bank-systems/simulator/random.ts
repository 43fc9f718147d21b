/*
| Deterministic randomness for the simulator. Derived facts (alerts, collection
| records, phone numbers…) are seeded by system + customer number, so the same
| customer always gets the same facts across restarts and processes; fault dice
| use a run seed so a failing test can be replayed.
*/
import { Prng } from '#core/demo/prng'

export type Random = Prng

/** The same facts for the same customer in the same system, every time. */
export const factsFor = (system: string, key: string) => Prng.fromText(`${system}|${key}`)

const DAY = 86_400_000
/** 'YYYY-MM-DD' `days` before `date` (calendar days, UTC arithmetic on a date-only value). */
export function daysBefore(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10)
}
