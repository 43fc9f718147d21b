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
  amount: string
  remark: string | null
  updatedAt: string | null
}

export interface TargetForm {
  orgId: number | undefined
  year: number
  period: Period
  kind: Kind
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
}
