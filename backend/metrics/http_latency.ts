/*
| HTTP latency per route, kept in this process as a Prometheus histogram. Routes
| are labelled by their pattern (`/api/loans/:id`), never by the raw URL, so the
| number of series stays bounded however many ids are requested; requests no
| route matched count under `unmatched`.
*/

/** Upper bounds in seconds: fine below 1 s, where the performance goals sit. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10]

interface Series {
  method: string
  route: string
  status: string
  /** Cumulative counts per bucket (the +Inf bucket is `count`). */
  buckets: number[]
  count: number
  /** Seconds, summed in microseconds to keep the total exact over millions of requests. */
  sumMicros: number
}

const series = new Map<string, Series>()

/** 200 → "2xx": the status class keeps the series count small and is what alerts use. */
const statusClass = (status: number) => `${Math.floor(status / 100)}xx`

export function observeRequest(method: string, route: string, status: number, seconds: number) {
  const klass = statusClass(status)
  const key = `${method} ${route} ${klass}`
  let entry = series.get(key)
  if (!entry) {
    entry = {
      method,
      route,
      status: klass,
      buckets: LATENCY_BUCKETS.map(() => 0),
      count: 0,
      sumMicros: 0,
    }
    series.set(key, entry)
  }
  for (let i = 0; i < LATENCY_BUCKETS.length; i++)
    if (seconds <= LATENCY_BUCKETS[i]) entry.buckets[i]++
  entry.count++
  entry.sumMicros += Math.round(seconds * 1e6)
}

export function latencySeries(): readonly Series[] {
  return [...series.values()]
}

/** Tests only: a clean histogram. */
export function resetLatency() {
  series.clear()
}
