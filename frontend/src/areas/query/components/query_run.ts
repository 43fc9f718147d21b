/*
| Running a built query for the 综合查询 page: the shown result, its paging,
| the running flag and the server's messages placed on condition rows. Kept
| apart from the page so the page only composes panels; the page owns the
| builder state and passes it in.
*/
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { ValidationError } from '@/api/http'
import { runQuery, type QueryResult, type QuerySpec } from '@/areas/query/api'
import { conditionKeyAt, toSpec, withCounts, type BuilderState } from './query_model'

export function useQueryRun(state: BuilderState) {
  const { t } = useI18n()
  const result = ref<QueryResult | null>(null)
  /** The query the shown result came from (paging follows it, not later edits). */
  let lastRun: QuerySpec | null = null
  const running = ref(false)
  const page = ref(1)
  const perPage = ref(50)
  const conditionErrors = ref<Record<number, string>>({})

  /** Drops the shown result, the query it came from and the row messages. */
  function forget() {
    result.value = null
    lastRun = null
    countRun++
    conditionErrors.value = {}
  }

  function showErrors(error: ValidationError) {
    const byKey: Record<number, string> = {}
    const others: string[] = []
    for (const e of error.errors) {
      const key = conditionKeyAt(state, e.field)
      if (key !== null) byKey[key] ??= e.message
      else others.push(e.message)
    }
    conditionErrors.value = byKey
    if (others.length) ElMessage.error(others[0])
    else if (!Object.keys(byKey).length) ElMessage.error(error.message)
  }

  /** Bumped by every new query: a late count of an older one is dropped. */
  let countRun = 0
  const counting = ref(false)

  function countTotals(spec: QuerySpec) {
    const mine = ++countRun
    counting.value = true
    runQuery(spec, 1, perPage.value, true)
      .then((counted) => {
        if (mine !== countRun || lastRun !== spec || !result.value) return
        result.value = {
          ...result.value,
          totals: counted.totals,
          meta: { ...result.value.meta, total: counted.meta.total },
        }
      })
      .catch(() => {
        // The rows are shown; a failed count leaves "…" and the next run tries again.
      })
      .finally(() => {
        if (mine === countRun) counting.value = false
      })
  }

  async function run(resetPage = true) {
    if (!state.fields.length && !state.groupBy.length) {
      ElMessage.warning(t('query.pickFieldsFirst'))
      return
    }
    if (resetPage) page.value = 1
    running.value = true
    conditionErrors.value = {}
    try {
      // Rows first, the count and 合计 beside them: on a large book the totals sum every
      // matching row (seconds) while the page is a few index reads (docs/performance.md).
      // Paging the result asks for rows only, of the query that made it.
      const fresh = resetPage || !lastRun
      const spec = fresh ? toSpec(state) : lastRun!
      const next = await runQuery(spec, page.value, perPage.value, false)
      lastRun = spec
      if (fresh) {
        result.value = { ...next, totals: null, meta: { ...next.meta, total: null } }
        countTotals(spec)
      } else result.value = withCounts(next, result.value)
    } catch (error) {
      if (error instanceof ValidationError) showErrors(error)
      else if ((error as { status?: number }).status !== 409) throw error
    } finally {
      running.value = false
    }
  }

  return { result, running, counting, page, perPage, conditionErrors, forget, showErrors, run }
}
