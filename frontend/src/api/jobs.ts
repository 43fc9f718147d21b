import { http } from './http'
import type { JobInfo } from './types'

export const fetchJob = (id: string | number, signal?: AbortSignal) =>
  http.get<JobInfo>(`/jobs/${encodeURIComponent(String(id))}`, undefined, { signal })
