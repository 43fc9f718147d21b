/* One typed function per targets endpoint, over the shell's one HTTP client. */
import { http, type Query } from '@/api/http'
import type { Paginated } from '@/api/types'

export type Level = 'head' | 'branch'
export type Period = 'H1' | 'H2' | 'Y'
export type Kind = 'reduction' | 'recovery'

export interface Target {
  id: number
  orgId: number
  orgName: string
  level: Level
  year: number
  period: Period
  kind: Kind
  series: string
  amount: string
  remark: string | null
  updatedAt: string | null
}

export interface TargetForm {
  orgId: number | undefined
  year: number
  period: Period
  kind: Kind
  series: string
  amount: string
  remark: string
}

export interface TrackingRow extends Target {
  target: string
  actual: string
  rate: string | null
  rank: number
}

export interface Tracking {
  data: TrackingRow[]
  totals: Array<{ kind: Kind; target: string; actual: string; rate: string | null }>
}

const clean = (query: Record<string, unknown>): Query => {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value as string | number
  return out
}

export interface Weight {
  kind: Kind
  series: string
  weightPct: string
  capPct: string
}

export interface RankingRow {
  orgId: number
  orgName: string
  rank: number
  score: string
  missing: string[]
  lines: Array<{
    kind: Kind
    series: string
    weightPct: string
    rate: string | null
    points: string
  }>
}

export interface Ranking {
  year: number
  period: Period
  weights: Weight[]
  data: RankingRow[]
}

export interface SeriesMember {
  customerId: number
  customerNo: string
  name: string
}

export const targetsApi = {
  list: (level: Level, query: Record<string, unknown>) =>
    http.get<Paginated<Target>>(`/targets/${level}/targets`, clean(query)),
  orgOptions: (level: Level) =>
    http.get<Array<{ id: number; code: string; name: string }>>(`/targets/${level}/org-options`),
  create: (level: Level, form: TargetForm) => http.post<Target>(`/targets/${level}/targets`, form),
  update: (level: Level, id: number, form: TargetForm) =>
    http.put<Target>(`/targets/${level}/targets/${id}`, form),
  remove: (level: Level, id: number) => http.delete(`/targets/${level}/targets/${id}`),
  tracking: (level: Level, query: Record<string, unknown>) =>
    http.get<Tracking>(`/targets/${level}/tracking`, clean(query)),
  weights: (year: number) =>
    http.get<{ year: number; weights: Weight[] }>('/targets/assessment/weights', { year }),
  saveWeights: (year: number, weights: Weight[]) =>
    http.put<{ year: number; weights: Weight[] }>('/targets/assessment/weights', {
      year,
      weights,
    }),
  ranking: (level: Level, year: number, period: Period) =>
    http.get<Ranking>(`/targets/${level}/assessment`, { year, period }),
  exportRanking: (level: Level, year: number, period: Period) =>
    http.post<{ jobId: string }>(`/targets/${level}/assessment/export`, { year, period }),
  members: (series: string) =>
    http.get<{ data: SeriesMember[] }>(`/targets/series/${encodeURIComponent(series)}/members`),
  addMember: (series: string, customerId: number) =>
    http.post<SeriesMember>(`/targets/series/${encodeURIComponent(series)}/members`, {
      customerId,
    }),
  removeMember: (series: string, customerId: number) =>
    http.delete(`/targets/series/${encodeURIComponent(series)}/members/${customerId}`),
}
