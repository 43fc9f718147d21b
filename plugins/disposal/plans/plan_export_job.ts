/*
| 处置预案导出: the query page's list as filtered, streamed into an .xlsx by the
| core export writer (backend/exports). Runs as the user who asked, with the
| data scope of `disposal:plan:export`, read in keyset batches so memory stays
| flat; the owner downloads it at GET /api/exports/:jobId/download?token=….
*/
import type { JobHandler } from '#core/plugins/types'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { exportFileName, keysetBatches, writeXlsxExport } from '#core/exports/xlsx_export'
import { planListQuery, withOrgPath, type PlanFilters } from './plan_queries.js'
import { planListRow } from './serialize.js'

const planExport: JobHandler = async ({ payload, progress }) => {
  const user = await User.findOrFail(payload.userId)
  const access = await UserAccess.load(user)
  access.activePermission = 'disposal:plan:export'
  // Keyset paging needs one order: newest id first, whatever the screen sorted by.
  const filters: PlanFilters = await withOrgPath({
    ...payload.filters,
    sort: undefined,
    order: 'desc',
  })
  const total = Number(
    (await planListQuery(access, filters).clearSelect().clearOrder().count('* as n').first())?.n ??
      0
  )
  const { data } = await dictionariesCache.current()
  const label = (type: string, code: string) =>
    data[type]?.find((i) => i.code === code)?.label.zh ?? code

  const rows = async function* () {
    const batches = keysetBatches(
      async (after, limit) => {
        const query = planListQuery(access, filters).limit(limit)
        if (after) query.where('p.id', '<', Number(after))
        return (await query).map(planListRow)
      },
      (row) => String(row.id)
    )
    for await (const row of batches) {
      yield {
        ...row,
        method: label('disposal_method', row.method),
        status: label('disposal_plan_status', row.status),
        createdAt: row.createdAt?.slice(0, 10) ?? '',
      }
    }
  }

  return writeXlsxExport({
    fileName: exportFileName('处置预案'),
    sheetName: '处置预案',
    titleLines: [`处置预案查询导出 / 导出人：${user.realName} / 共 ${total} 条`],
    total,
    columns: [
      { key: 'planNo', header: '预案编号', width: 22 },
      { key: 'customerName', header: '客户名称', width: 28 },
      { key: 'customerNo', header: '客户编号', width: 16 },
      { key: 'orgName', header: '经营机构', width: 16 },
      { key: 'method', header: '处置方式', width: 12 },
      { key: 'principal', header: '债权本金（元）', type: 'money' },
      { key: 'interest', header: '欠息（元）', type: 'money' },
      { key: 'expectedRecovery', header: '预计回收（元）', type: 'money' },
      { key: 'status', header: '状态', width: 10 },
      { key: 'applicantName', header: '申请人', width: 12 },
      { key: 'createdAt', header: '申请日期', width: 12 },
    ],
    rows: rows(),
    progress,
    progressText: (done, all) => `${done}/${all}`,
  })
}

export default planExport
