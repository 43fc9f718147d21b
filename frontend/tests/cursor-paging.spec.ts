import { describe, expect, it } from 'vitest'
import { useTable } from '@/composables/useTable'
import { cursorStep, pageAfterStep } from '@/composables/cursorStep'
import type { ListQuery, Paginated } from '@/api/types'

/*
| The console's next / previous by one page (issue 20): useTable (风险资产 and
| every list whose server sends cursors) and the ledger page (same helpers) ask
| with the last answer's cursor, jumps and page 1 by number, and the page number
| shown stays right. The fake server pages 1..23 newest first like the real one.
*/
function fakeServer(rows: number[]) {
  const asked: ListQuery[] = []
  const cursor = (id: number) => `c${id}`
  const idOf = (c: string) => Number(c.slice(1))
  async function fetchPage(query: ListQuery): Promise<Paginated<number>> {
    asked.push({ ...query })
    const perPage = query.perPage!
    let data: number[]
    let hasNext: boolean
    let hasPrev: boolean
    if (query.after) {
      const rest = rows.filter((r) => r < idOf(query.after!))
      data = rest.slice(0, perPage)
      hasNext = rest.length > perPage
      hasPrev = true
    } else if (query.before) {
      const rest = rows.filter((r) => r > idOf(query.before!))
      data = rest.slice(-perPage)
      hasNext = true
      hasPrev = rest.length > perPage
    } else {
      const from = (query.page! - 1) * perPage
      data = rows.slice(from, from + perPage)
      hasNext = rows.length > from + perPage
      hasPrev = query.page! > 1
    }
    return {
      data,
      meta: {
        total: rows.length,
        page: query.page!,
        perPage,
        nextCursor: hasNext && data.length ? cursor(data[data.length - 1]) : null,
        prevCursor: hasPrev && data.length ? cursor(data[0]) : null,
      },
    }
  }
  return { asked, fetchPage }
}

const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i)

describe('keyset paging in the console', () => {
  it('next and previous by one page go by cursor, jumps and page 1 by number', async () => {
    const server = fakeServer(newestFirst(23))
    const table = useTable(server.fetchPage, { perPage: 5 })
    await table.load()
    expect(table.rows.value).toEqual([23, 22, 21, 20, 19])

    await table.onPageChange(2)
    expect(server.asked.at(-1)).toMatchObject({ page: 2, after: 'c19' })
    expect(server.asked.at(-1)?.before).toBeUndefined()
    expect(table.rows.value).toEqual([18, 17, 16, 15, 14])
    expect(table.query.page).toBe(2)

    await table.onPageChange(3)
    expect(server.asked.at(-1)).toMatchObject({ page: 3, after: 'c14' })
    expect(table.rows.value).toEqual([13, 12, 11, 10, 9])

    await table.onPageChange(2)
    expect(server.asked.at(-1)).toMatchObject({ page: 2, before: 'c13' })
    expect(table.rows.value).toEqual([18, 17, 16, 15, 14])
    expect(table.query.page).toBe(2)

    // A jump: by number (OFFSET), no cursor.
    await table.onPageChange(5)
    expect(server.asked.at(-1)).toEqual(expect.objectContaining({ page: 5 }))
    expect(server.asked.at(-1)?.after).toBeUndefined()
    expect(server.asked.at(-1)?.before).toBeUndefined()
    expect(table.rows.value).toEqual([3, 2, 1])

    // From the last page back by cursor; then to page 1 by number.
    await table.onPageChange(4)
    expect(server.asked.at(-1)).toMatchObject({ page: 4, before: 'c3' })
    expect(table.rows.value).toEqual([8, 7, 6, 5, 4])
    await table.onPageChange(3)
    await table.onPageChange(2)
    await table.onPageChange(1)
    expect(server.asked.at(-1)?.before).toBeUndefined()
    expect(table.rows.value).toEqual([23, 22, 21, 20, 19])
    expect(table.query.page).toBe(1)
  })

  it('a new search, sort or page size starts again at page 1 by number', async () => {
    const server = fakeServer(newestFirst(12))
    const table = useTable(server.fetchPage, { perPage: 5 })
    await table.load()
    await table.onPageChange(2)
    await table.onSortChange({ prop: 'balance', order: 'ascending' })
    expect(server.asked.at(-1)).toMatchObject({ page: 1, sort: 'balance', order: 'asc' })
    expect(server.asked.at(-1)?.after).toBeUndefined()
    await table.onPageChange(2)
    await table.onPerPageChange(10)
    expect(server.asked.at(-1)?.after).toBeUndefined()
    expect(table.query.page).toBe(1)
  })

  it('a list without cursors pages by number as before', async () => {
    const rows = newestFirst(12)
    const asked: ListQuery[] = []
    const table = useTable(
      async (query) => {
        asked.push({ ...query })
        const from = (query.page! - 1) * 5
        return {
          data: rows.slice(from, from + 5),
          meta: { total: 12, page: query.page!, perPage: 5 },
        }
      },
      { perPage: 5 }
    )
    await table.load()
    await table.onPageChange(2)
    await table.onPageChange(1)
    expect(asked.map((q) => [q.page, q.after, q.before])).toEqual([
      [1, undefined, undefined],
      [2, undefined, undefined],
      [1, undefined, undefined],
    ])
  })

  it('back by cursor with nothing before: the page shown is 1', () => {
    expect(cursorStep(3, 2, { prevCursor: 'p', nextCursor: 'n' })).toEqual({ before: 'p' })
    expect(cursorStep(2, 1, { prevCursor: 'p', nextCursor: 'n' })).toEqual({})
    expect(cursorStep(2, 3, { prevCursor: 'p', nextCursor: null })).toEqual({})
    expect(pageAfterStep(4, { before: 'p' }, { prevCursor: null })).toBe(1)
    expect(pageAfterStep(4, { before: 'p' }, { prevCursor: 'q' })).toBe(4)
    expect(pageAfterStep(4, {}, { prevCursor: null })).toBe(4)
  })
})
