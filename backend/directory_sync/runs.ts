/*
| 目录同步 runs: each computes the difference and keeps it (directory_sync_runs);
| applying a run re-reads the directory first and refuses (409, with a fresh
| run) when the difference is no longer the one shown — nobody applies changes
| they did not see. The nightly job computes, and applies too when the
| parameter says so.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { dbNow } from '#core/db/db_time'
import { audit } from '#core/audit/audit'
import { fetchDirectory } from './directory_source.js'
import { computeDiff, type DirectoryDiff, type LocalRows } from './diff.js'
import { applyDiff } from './apply.js'

export const RUNS = 'directory_sync_runs'

async function localRows(): Promise<LocalRows> {
  const [orgs, departments, users] = await Promise.all([
    db
      .from('orgs')
      .select('id', 'code', 'name', 'short_name', 'parent_id', 'sort', 'status', 'managed_by'),
    db.from('departments').select('id', 'org_id', 'code', 'name', 'sort', 'status', 'managed_by'),
    db
      .from('users')
      .select(
        'id',
        'username',
        'real_name',
        'org_id',
        'department_id',
        'phone',
        'email',
        'status',
        'managed_by'
      ),
  ])
  const num = (rows: any[], cols: string[]) =>
    rows.map((r) => ({
      ...r,
      ...Object.fromEntries(cols.map((c) => [c, r[c] === null ? null : Number(r[c])])),
    }))
  return {
    orgs: num(orgs, ['id', 'parent_id', 'sort']),
    departments: num(departments, ['id', 'org_id', 'sort']),
    users: num(users, ['id', 'org_id', 'department_id']),
  }
}

const toRun = (r: any) => ({
  id: Number(r.id),
  trigger: r.trigger as string,
  status: r.status as string,
  changes: Number(r.changes),
  diff: r.diff ? (JSON.parse(r.diff) as DirectoryDiff) : null,
  error: r.error ?? null,
  createdBy: r.created_by === null ? null : Number(r.created_by),
  appliedBy: r.applied_by === null ? null : Number(r.applied_by),
  createdAt: r.created_at,
  appliedAt: r.applied_at ?? null,
})
export type SyncRun = ReturnType<typeof toRun>

export async function findRun(id: number) {
  const row = await db.from(RUNS).where('id', id).first()
  return row ? toRun(row) : null
}

export async function listRuns(limit = 20) {
  return (await db.from(RUNS).orderBy('id', 'desc').limit(limit)).map((r) => ({
    ...toRun(r),
    diff: null,
  }))
}

/** Reads the directory and stores the difference (a failed read is a failed run). */
export async function computeRun(trigger: 'manual' | 'nightly', actorId: number | null) {
  try {
    const dir = await fetchDirectory()
    const diff = computeDiff(dir, await localRows())
    const [id] = await db.table(RUNS).insert({
      trigger,
      status: 'computed',
      changes: diff.changes.length,
      diff: JSON.stringify(diff),
      created_by: actorId,
      created_at: dbNow(),
    })
    return { run: (await findRun(Number(id)))!, dir }
  } catch (error) {
    const [id] = await db.table(RUNS).insert({
      trigger,
      status: 'failed',
      changes: 0,
      error: (error as Error).message.slice(0, 500),
      created_by: actorId,
      created_at: dbNow(),
    })
    return { run: (await findRun(Number(id)))!, dir: null }
  }
}

const same = (a: DirectoryDiff, b: DirectoryDiff) =>
  JSON.stringify(a.changes) === JSON.stringify(b.changes)

/** Applies run `id`; `stale` with a fresh run when the directory or the data moved since. */
export async function applyRun(id: number, ctx: HttpContext | null, actorId: number | null) {
  const run = await findRun(id)
  if (!run || run.status !== 'computed' || !run.diff)
    return { outcome: 'notApplicable' as const, run }
  const fresh = await computeRun(run.trigger as 'manual' | 'nightly', actorId)
  if (!fresh.dir || !fresh.run.diff) return { outcome: 'failed' as const, run: fresh.run }
  if (!same(fresh.run.diff, run.diff)) return { outcome: 'stale' as const, run: fresh.run }
  // The fresh run only served the comparison; the reviewed one is applied.
  await db.from(RUNS).where('id', fresh.run.id).delete()
  const claimed = await db
    .from(RUNS)
    .where('id', id)
    .where('status', 'computed')
    .update({ status: 'applied', applied_by: actorId, applied_at: dbNow() })
  if (!Number(claimed)) return { outcome: 'notApplicable' as const, run }
  try {
    const result = await applyDiff(run.diff, fresh.dir, ctx, id)
    await audit.record(ctx, {
      action: 'directory.sync.apply',
      entityType: 'directory_sync_run',
      entityId: id,
      detail: `${result.applied} changes, ${result.sessionsEnded} sessions ended`,
    })
    return { outcome: 'applied' as const, run: (await findRun(id))!, result }
  } catch (error) {
    await db
      .from(RUNS)
      .where('id', id)
      .update({ status: 'failed', error: (error as Error).message.slice(0, 500) })
    throw error
  }
}
