/*
| Server-side paged, sorted, searchable list state. The server owns paging and
| sorting (lists can be millions of loans), so every change re-queries.
*/
import { reactive, ref, shallowRef } from 'vue'
import type { ListQuery, Paginated } from '@/api/types'
import { cursorStep, pageAfterStep, type PageCursors } from './cursorStep'

export type SortOrder = 'asc' | 'desc'

export function useTable<T>(
  fetchPage: (query: ListQuery) => Promise<Paginated<T>>,
  options: { perPage?: number } = {}
) {
  const rows = shallowRef<T[]>([])
  const total = ref(0)
  const loading = ref(false)
  const query = reactive({
    page: 1,
    perPage: options.perPage ?? 20,
    keyword: '',
    sort: undefined as string | undefined,
    order: undefined as SortOrder | undefined,
  })
  let latest = 0
  /** The last answer's keyset cursors (lists that send them): next / previous by one page. */
  let cursors: PageCursors = {}

  async function fetchRows(step: { after?: string; before?: string }): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const result = await fetchPage({
        ...query,
        keyword: query.keyword.trim() || undefined,
        ...step,
      })
      // A slower earlier response must not overwrite the answer to the newest query.
      if (ticket !== latest) return
      rows.value = result?.data ?? []
      total.value = result?.meta?.total ?? 0
      cursors = { nextCursor: result?.meta?.nextCursor, prevCursor: result?.meta?.prevCursor }
      query.page = pageAfterStep(query.page, step, cursors)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /** The current page again, by its number. */
  function load(): Promise<void> {
    return fetchRows({})
  }

  function search() {
    query.page = 1
    return load()
  }

  function resetSearch() {
    query.keyword = ''
    return search()
  }

  /** el-table sort-change payload: order is 'ascending' | 'descending' | null. */
  function onSortChange({ prop, order }: { prop: string | null; order: string | null }) {
    query.sort = order && prop ? prop : undefined
    query.order = order === 'ascending' ? 'asc' : order === 'descending' ? 'desc' : undefined
    return search()
  }

  function onPageChange(page: number) {
    const step = cursorStep(query.page, page, cursors)
    query.page = page
    return fetchRows(step)
  }

  function onPerPageChange(perPage: number) {
    query.perPage = perPage
    return search()
  }

  /** After deleting the last row of the last page, step back a page instead of showing it empty. */
  function afterRemove() {
    if (rows.value.length === 1 && query.page > 1) query.page--
    return load()
  }

  return {
    rows,
    total,
    loading,
    query,
    load,
    search,
    resetSearch,
    onSortChange,
    onPageChange,
    onPerPageChange,
    afterRemove,
  }
}
