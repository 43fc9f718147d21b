/*
| 考核排名导出: the ranking as shown (one row per org: rank, score, each
| indicator's rate and points), written by the core xlsx writer. Runs as the
| user who asked, with the scope of `targets:assessment:export`.
*/
import type { JobHandler } from '#core/plugins/types'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { exportFileName, writeXlsxExport, type XlsxColumn } from '#core/exports/xlsx_export'
import { assessmentRanking } from '../services/assessment.js'

const assessmentExport: JobHandler = async ({ payload, progress }) => {
  const user = await User.findOrFail(payload.userId)
  const access = await UserAccess.load(user)
  access.activePermission = 'targets:assessment:export'
  const ranking = await assessmentRanking(access, payload.level, {
    year: payload.year,
    period: payload.period,
  })
  const { data } = await dictionariesCache.current()
  const label = (type: string, code: string) =>
    data[type]?.find((i) => i.code === code)?.label.zh ?? code
  const indicatorName = (kind: string, series: string) =>
    `${series ? `${label('targets_series', series)}·` : ''}${label('targets_kind', kind)}`
  const columns: XlsxColumn[] = [
    { key: 'rank', header: '排名', type: 'number', width: 8 },
    { key: 'orgName', header: '机构', width: 20 },
    { key: 'score', header: '考核得分', type: 'number', width: 12 },
    ...ranking.weights.flatMap((w, i) => [
      {
        key: `rate${i}`,
        header: `${indicatorName(w.kind, w.series)}完成率（%）`,
        type: 'number' as const,
        width: 18,
      },
      {
        key: `points${i}`,
        header: `${indicatorName(w.kind, w.series)}得分（权重 ${w.weightPct}%）`,
        type: 'number' as const,
        width: 22,
      },
    ]),
  ]
  const rows = async function* () {
    for (const row of ranking.data) {
      const out: Record<string, unknown> = {
        rank: row.rank,
        orgName: row.orgName,
        score: row.score,
      }
      row.lines.forEach((line, i) => {
        out[`rate${i}`] = line.rate
        out[`points${i}`] = line.points
      })
      yield out
    }
  }
  const levelName = payload.level === 'head' ? '总行' : '分行'
  return writeXlsxExport({
    fileName: exportFileName(`${levelName}目标考核排名`),
    sheetName: '考核排名',
    titleLines: [
      `${levelName}目标考核排名 / ${payload.year} 年 ${label('targets_period', payload.period)} / 导出人：${user.realName}`,
      '得分 = Σ min(完成率, 上限) × 权重 ÷ 100，按精确完成率计算，合计一次四舍五入到两位小数',
    ],
    total: ranking.data.length,
    columns,
    rows: rows(),
    progress,
    progressText: (done, all) => `${done}/${all}`,
  })
}

export default assessmentExport
