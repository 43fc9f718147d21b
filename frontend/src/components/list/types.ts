/*
| The schema of a <ListPage> column. Labels carry both languages; `type` formats
| the cell (money, dates, dictionaries, relations) the same way as CrudPage.
*/
import type { Localized } from '@/i18n'
import type { ColumnType } from '@/components/crud/types'

export interface ListColumn {
  prop: string
  label: Localized
  type?: ColumnType
  dict?: string
  /** Relation columns: the row's property holding the label. */
  labelProp?: string
  width?: number
  minWidth?: number
  sortable?: boolean
  align?: 'left' | 'center' | 'right'
  /** Always shown: the column chooser cannot hide it (the record's number). */
  fixed?: boolean
  /** Hidden until the user ticks it in 列设置. */
  defaultHidden?: boolean
  /** Text for print (and the chooser-aware print) when the cell is a custom slot. */
  printText?: (row: Record<string, any>) => string
}

export const defineListColumns = (columns: ListColumn[]): ListColumn[] => columns
