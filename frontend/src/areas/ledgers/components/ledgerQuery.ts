/*
| Pure helpers of the ledger page (tested with Vitest): the query string the
| rows endpoint expects, the org tree for the org filter, the columns to show,
| and the CSS text of the print page's running header and footer.
*/
import type { LedgerColumn, LedgerDefinition, OrgOption } from '@/areas/ledgers/api'
import type { Query } from '@/api/http'

export type FilterValues = Record<string, string | number | null | undefined>

/** Filter values as query parameters; empty ones are left out (ranges are <key>From / <key>To). */
export function filterQuery(filters: FilterValues): Query {
  const query: Query = {}
  for (const [name, value] of Object.entries(filters)) {
    if (value === null || value === undefined) continue
    const text = typeof value === 'string' ? value.trim() : value
    if (text === '') continue
    query[name] = text
  }
  return query
}

/**
 * Filter values a link put in the page's query string (`/ledgers/<id>?keyword=JJ01`):
 * only the ledger's declared filters (ranges as <key>From / <key>To), single text values.
 */
export function filtersFromRoute(
  definition: Pick<LedgerDefinition, 'filters'>,
  query: Record<string, unknown>
): FilterValues {
  const out: FilterValues = {}
  for (const filter of definition.filters) {
    const ranged = filter.type.endsWith('Range')
    for (const name of ranged ? [`${filter.key}From`, `${filter.key}To`] : [filter.key]) {
      const value = query[name]
      if (typeof value === 'string' && value.trim() !== '') out[name] = value.trim()
    }
  }
  return out
}

export interface TableState {
  page: number
  perPage: number
  sort?: string
  order?: 'asc' | 'desc'
  asOf?: string | null
}

export function rowsQuery(filters: FilterValues, state: TableState): Query {
  return {
    ...filterQuery(filters),
    page: state.page,
    perPage: state.perPage,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
    asOf: state.asOf || undefined,
  }
}

export interface OrgNode {
  value: number
  label: string
  children: OrgNode[]
}

/** Flat org list (parents first, as the server orders by path) → el-tree-select data. */
export function orgTree(orgs: OrgOption[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>()
  const roots: OrgNode[] = []
  for (const org of orgs) nodes.set(org.id, { value: org.id, label: org.name, children: [] })
  for (const org of orgs) {
    const parent = org.parentId ? nodes.get(org.parentId) : undefined
    ;(parent ? parent.children : roots).push(nodes.get(org.id)!)
  }
  return roots
}

/** The columns to show: the user's choice (declared keys only, in definition order) or the defaults. */
export function shownColumns(
  definition: LedgerDefinition,
  chosen: string[] | null
): LedgerColumn[] {
  if (!chosen?.length) return definition.columns.filter((c) => c.visible)
  const keep = new Set(chosen)
  const columns = definition.columns.filter((c) => keep.has(c.key))
  return columns.length ? columns : definition.columns.filter((c) => c.visible)
}

/**
 * A CSS string literal: quotes and backslashes escaped, newlines dropped, and
 * < > as CSS escapes so the text can never close a style element even if it
 * ended up in HTML (the print window does not parse HTML, see print-window.ts).
 */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[<>]/g, (c) => (c === '<' ? '\\3c ' : '\\3e '))}"`
}

/**
 * The @page rules of the print window: A4 landscape, the header (bank, ledger,
 * org, user, time) in the top margin and "第 N 页 / 共 M 页" in the bottom one,
 * on every sheet (Chromium draws @page margin boxes).
 */
export function printPageCss(header: { left: string; right: string }, pageText: string): string {
  return `@page { size: A4 landscape; margin: 16mm 10mm 14mm 10mm;
  @top-left { content: ${cssString(header.left)}; font-size: 9pt; color: #555; }
  @top-right { content: ${cssString(header.right)}; font-size: 9pt; color: #555; }
  @bottom-center { content: ${pageText}; font-size: 9pt; color: #555; }
}`
}

/** "第 " counter(page) " 页 / 共 " counter(pages) " 页" from a template with {page} and {pages}. */
export function pageCounterCss(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)
    )
    .join(' ')
}
