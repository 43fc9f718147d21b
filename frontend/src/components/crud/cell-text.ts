/* A table cell as plain text: CrudCell's text, ListPage's print. One place for the formats. */
import { dictLabel } from '@/stores/dict'
import { formatDate, formatDateTime } from '@/utils/date'
import { formatMoney, formatNumber } from '@/utils/money'
import type { ColumnType } from './types'

interface TextColumn {
  prop: string
  type?: ColumnType
  dict?: string
  /** A custom cell's text (ListPage columns). */
  printText?: (row: Record<string, any>) => string
}

export function cellText(column: TextColumn, row: Record<string, any>, label?: string): string {
  if (column.printText) return column.printText(row)
  if (label !== undefined) return label
  const value = row[column.prop]
  if (value === null || value === undefined) return ''
  switch (column.type) {
    case 'money':
      return formatMoney(value)
    case 'number':
      return formatNumber(value)
    case 'date':
      return formatDate(value)
    case 'datetime':
      return formatDateTime(value)
    case 'dict':
      return column.dict ? dictLabel(column.dict, value) : String(value)
    default:
      return String(value)
  }
}
