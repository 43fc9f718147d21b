/*
| The schema a plugin page hands to <CrudPage>. Labels carry both languages so the
| page needs no i18n file of its own.
*/
import type { Localized } from '@/i18n'

export type ColumnType = 'text' | 'money' | 'date' | 'datetime' | 'dict' | 'number'

export interface CrudColumn {
  prop: string
  label: Localized
  /** money: decimal string in yuan, shown as 1,234.56; dict: code shown as a DictTag. */
  type?: ColumnType
  dict?: string
  width?: number
  sortable?: boolean
}

export type FieldType = 'text' | 'textarea' | 'money' | 'date' | 'number' | 'select'

export interface CrudField {
  prop: string
  label: Localized
  type: FieldType
  /** Dictionary type whose items a 'select' offers. */
  dict?: string
  required?: boolean
  maxLength?: number
  placeholder?: Localized | string
}

/**
 * Identity helpers that keep literal types ('money', 'dict', …) when a page declares
 * its schema in a plain `const`, so vue-tsc checks the schema against CrudPage's props:
 *   const columns = defineColumns([{ prop: 'amount', label: {…}, type: 'money' }])
 */
export const defineColumns = (columns: CrudColumn[]): CrudColumn[] => columns
export const defineFields = (fields: CrudField[]): CrudField[] => fields
