/*
| Deterministic randomness for the simulator. Derived facts (alerts, collection
| records, phone numbers…) are seeded by system + customer number, so the same
| customer always gets the same facts across restarts and processes; fault dice
| use a run seed so a failing test can be replayed.
*/

/** mulberry32: small, fast, good enough for simulated data. */
export function seeded(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    /** Whole number in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    digits: (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join(''),
  }
}

export type Random = ReturnType<typeof seeded>

/** FNV-1a of a text: a stable 32-bit seed. */
export function hashSeed(text: string) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The same facts for the same customer in the same system, every time. */
export const factsFor = (system: string, key: string) => seeded(hashSeed(`${system}|${key}`))

const DAY = 86_400_000
/** 'YYYY-MM-DD' `days` before `date` (calendar days, UTC arithmetic on a date-only value). */
export function daysBefore(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10)
}
