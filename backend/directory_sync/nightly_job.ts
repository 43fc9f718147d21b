/*
| Job system:directory-sync — 组织机构与用户同步 (nightly, 01:30, and on demand
| from 后台任务): computes the difference with 授权及流程管理's directory; applies
| it too when 参数 system.directorySync.nightlyApply is on (otherwise it waits in
| 目录同步 for an administrator to review and apply).
*/
import type { JobHandler } from '#core/plugins/types'
import { settings } from '#core/settings/settings'
import { applyRun, computeRun } from './runs.js'

const nightlySync: JobHandler = async ({ progress }) => {
  await progress(10, '读取授权及流程管理目录')
  const { run } = await computeRun('nightly', null)
  if (run.status === 'failed') throw new Error(`目录读取失败：${run.error}`)
  const apply = await settings.boolean('system.directorySync.nightlyApply').catch(() => false)
  if (!apply || run.changes === 0) {
    await progress(100, `差异 ${run.changes} 项（${apply ? '无需应用' : '待人工确认'}）`)
    return { runId: run.id, changes: run.changes, applied: false }
  }
  await progress(50, `应用 ${run.changes} 项差异`)
  const outcome = await applyRun(run.id, null, null)
  await progress(100, outcome.outcome === 'applied' ? `已应用 ${run.changes} 项` : outcome.outcome)
  return {
    runId: outcome.run?.id ?? run.id,
    changes: run.changes,
    applied: outcome.outcome === 'applied',
  }
}

export default nightlySync
