import { http } from '@/api/http'

/** GET /api/system/monitor/usage — 数据监控 (backend/monitor/usage_figures.ts). */
export interface UsageFigures {
  range: { from: string; to: string }
  perDay: Array<{ day: string; logins: number; activeUsers: number; failedLogins: number }>
  byOrg: Array<{ org: string; logins: number; users: number }>
  features: {
    topActions: Array<{ action: string; count: number }>
    areas: Array<{ area: string; count: number }>
  }
  jobs: Array<{ day: string; completed: number; failed: number }>
  live: { outboxPending: number; outboxDead: number; jobsQueued: number; jobsRunning: number }
}

export const fetchUsage = (from: string, to: string) =>
  http.get<UsageFigures>('/system/monitor/usage', { from, to })
