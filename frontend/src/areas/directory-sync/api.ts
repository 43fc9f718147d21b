import { http } from '@/api/http'

/* 目录同步 (backend/directory_sync). */
export type ChangeKind = 'org' | 'department' | 'user'
export type ChangeAction = 'create' | 'update' | 'remove'

export interface DirectoryChange {
  kind: ChangeKind
  action: ChangeAction
  key: string
  name: string
  fields: Record<string, [unknown, unknown]>
  claim?: boolean
}

export interface DirectoryDiff {
  changes: DirectoryChange[]
  problems: Array<{ kind: ChangeKind; key: string; reason: string }>
  counts: Record<ChangeKind, Record<ChangeAction, number>>
}

export interface SyncRun {
  id: number
  trigger: 'manual' | 'nightly'
  status: 'computed' | 'applied' | 'failed'
  changes: number
  diff: DirectoryDiff | null
  error: string | null
  createdAt: string
  appliedAt: string | null
}

const base = '/system/directory-sync'
export const directorySyncApi = {
  runs: () => http.get<{ data: SyncRun[] }>(`${base}/runs`),
  run: (id: number) => http.get<SyncRun>(`${base}/runs/${id}`),
  compute: () => http.post<SyncRun>(`${base}/runs`, {}),
  apply: (id: number) =>
    http.post<{ run: SyncRun; applied: number; sessionsEnded: number }>(
      `${base}/runs/${id}/apply`,
      {},
      { silent: true }
    ),
}
