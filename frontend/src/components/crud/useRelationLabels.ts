/*
| Labels of relation columns for the rows on screen (CrudPage, ListPage): per
| column, the ids of the page asked of the relation's source once; a column
| with `labelProp` reads the row instead.
*/
import { ref, watch, type Ref } from 'vue'
import { isRelation, relationLabels } from '@/components/pickers/relations'
import type { ColumnType } from './types'

interface LabelledColumn {
  prop: string
  type?: ColumnType
  labelProp?: string
}
type Row = Record<string, any>

export const relationIds = (value: unknown) =>
  (Array.isArray(value) ? value : [value])
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0)

export function useRelationLabels(rows: Ref<Row[]>, columns: () => LabelledColumn[]) {
  const labels = ref(new Map<string, Map<number, string>>())
  watch(rows, async (now) => {
    const found = new Map<string, Map<number, string>>()
    for (const column of columns()) {
      if (!isRelation(column.type) || column.labelProp) continue
      const ids = now.flatMap((row) => relationIds(row[column.prop]))
      found.set(column.prop, await relationLabels(column.type, ids).catch(() => new Map()))
    }
    labels.value = found
  })

  /** The cell's label, or undefined for a column that is not a relation. */
  function cellLabel(column: LabelledColumn, row: Row): string | undefined {
    if (!isRelation(column.type)) return undefined
    if (column.labelProp) return row[column.labelProp] ?? undefined
    const names = labels.value.get(column.prop)
    const ids = relationIds(row[column.prop])
    return ids.length ? ids.map((id) => names?.get(id) ?? String(id)).join('、') : ''
  }
  return { cellLabel }
}
