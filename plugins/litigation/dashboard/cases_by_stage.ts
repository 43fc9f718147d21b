/*
| 诉讼案件分布: the cases in the viewer's scope by stage, and their deadlines due in
| the next 30 days (by kind, with the nearest one), so a branch sees at a glance
| what is in court and what must be done soon. Labels from the dictionary.
*/
import db from '@adonisjs/lucid/services/db'
import type { WidgetDataHandler } from '#core/plugins/types'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { businessDate, addCalendarDays } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import { CASE_SCOPE } from '../cases/case_scope.js'

export const DEADLINE_KIND_LABELS: Record<string, { zh: string; en: string }> = {
  hearing: { zh: '开庭', en: 'Hearings' },
  appeal: { zh: '上诉期', en: 'Appeal' },
  enforcement: { zh: '申请执行', en: 'Enforcement' },
  preservation_expiry: { zh: '保全到期', en: 'Preservation expiry' },
  preservation_renewal: { zh: '申请续封', en: 'Renewal' },
}

const handler: WidgetDataHandler = async ({ scope }) => {
  const today = await businessDate.current()
  const horizon = addCalendarDays(today, 30)
  const stages = await scope(db.from('lit_cases as c'), CASE_SCOPE)
    .groupBy('c.stage')
    .select('c.stage', db.raw('COUNT(*) as cases'))
  const upcoming = scope(
    db.from('lit_case_deadlines as d').join('lit_cases as c', 'c.id', 'd.case_id'),
    CASE_SCOPE
  )
    .whereBetween('d.due_date', [today, horizon])
    .whereNot('c.stage', 'closed')
  const [byKind, nearest] = await Promise.all([
    upcoming.clone().groupBy('d.kind').select('d.kind', db.raw('COUNT(*) as deadlines')),
    upcoming
      .clone()
      .orderBy('d.due_date')
      .orderBy('d.id')
      .select('d.due_date', 'd.title', 'c.id as case_id')
      .first(),
  ])
  const { data } = await dictionariesCache.current()
  return {
    today,
    stages: (data['litigation_case_stage'] ?? []).map((item) => ({
      code: item.code,
      label: item.label,
      cases: Number(stages.find((s) => s.stage === item.code)?.cases ?? 0),
    })),
    upcoming: Object.entries(DEADLINE_KIND_LABELS).map(([kind, label]) => ({
      kind,
      label,
      deadlines: Number(byKind.find((k) => k.kind === kind)?.deadlines ?? 0),
    })),
    nearest: nearest
      ? {
          dueDate: dateText(nearest.due_date),
          title: nearest.title as string,
          caseId: Number(nearest.case_id),
        }
      : null,
  }
}

export default handler
