/*
| Keyset paging in the console (issue 20): a list that answers with cursors
| (meta.nextCursor / meta.prevCursor) is asked for the next or previous page by
| cursor, which the server reads from its sort index instead of skipping every
| earlier row (OFFSET). A jump to another page number, and page 1, go by number.
*/
import type { PageMeta } from '@/api/types'

export type PageCursors = Pick<PageMeta, 'nextCursor' | 'prevCursor'>

/** The cursor to send when moving from page `from` to page `to` (none: ask by page number). */
export function cursorStep(
  from: number,
  to: number,
  cursors: PageCursors
): { after?: string; before?: string } {
  if (to === from + 1 && cursors.nextCursor) return { after: cursors.nextCursor }
  // Page 1 by number: exact even when rows were added at the top since.
  if (to === from - 1 && to > 1 && cursors.prevCursor) return { before: cursors.prevCursor }
  return {}
}

/**
 * The page number to show after the answer: going back by cursor and finding no
 * page before this one means it is page 1 (rows before it were removed since).
 */
export function pageAfterStep(page: number, step: { before?: string }, meta: PageCursors) {
  return step.before && !meta.prevCursor ? 1 : page
}
