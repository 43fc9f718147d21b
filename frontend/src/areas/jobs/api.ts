import { http } from '@/api/http'
import type { JobInfo } from '@/api/types'

export const fetchJob = (id: string | number, signal?: AbortSignal) =>
  http.get<JobInfo>(`/jobs/${encodeURIComponent(String(id))}`, undefined, { signal })
