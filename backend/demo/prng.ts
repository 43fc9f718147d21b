/*
| The server's one seeded random-number generator (mulberry32): one seed always
| gives the same sequence, so the demo bank, the bank-systems simulator's facts
| and fault dice, and the tests' fake external system are reproducible (a
| failing run can be replayed). Not for secrets: use node:crypto there.
*/
export class Prng {
  /** A generator seeded by a text (FNV-1a): the same text, the same sequence, in any process. */
  static fromText(text: string): Prng {
    let h = 0x811c9dc5
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
    return new Prng(h >>> 0)
  }

  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  /** Uniform in [0, 1). An arrow property, so `rng.next` can be passed along on its own. */
  next = (): number => {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    let total = 0
    for (const [, w] of table) total += w
    let r = this.next() * total
    for (const [value, w] of table) {
      if ((r -= w) < 0) return value
    }
    return table[table.length - 1][0]
  }

  digits(n: number): string {
    let out = ''
    for (let i = 0; i < n; i++) out += String(Math.floor(this.next() * 10))
    return out
  }
}
