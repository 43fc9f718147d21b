/*
| The schema a plugin page hands to <CrudPage>. Labels carry both languages so the
| page needs no i18n file of its own.
*/
import type { Localized } from '@/i18n'
import type { RelationKind } from '@/components/pickers/relations'
import type { OrgScope } from '@/components/pickers/core_sources'

export type { RelationKind }

export type ColumnType = 'text' | 'money' | 'date' | 'datetime' | 'dict' | 'number' | RelationKind

export interface CrudColumn {
  prop: string
  label: Localized
  /**
   * money: decimal string in yuan, shown as 1,234.56; dict: code shown as a DictTag;
   * a relation kind ('customer' | 'loan' | 'risk-asset' | 'org' | 'user'): the id is
   * shown as its label — from `labelProp` of the row when the server sends it, else
   * asked of the relation's picker source once per page.
   */
  type?: ColumnType
  dict?: string
  /** Relation columns: the row's property holding the label (e.g. customerName). */
  labelProp?: string
  width?: number
  sortable?: boolean
  /** Not shown in the table (still in the detail drawer). */
  hidden?: boolean
}

export type FieldType = 'text' | 'textarea' | 'money' | 'date' | 'number' | 'select' | RelationKind

export interface CrudField {
  prop: string
  label: Localized
  type: FieldType
  /** Dictionary type whose items a 'select' offers. */
  dict?: string
  required?: boolean
  maxLength?: number
  placeholder?: Localized | string
  /** Relation fields: pick several (the value is an id array). */
  multiple?: boolean
  /** Relation fields: the form field this one narrows by (a loan field's customer: 'customerId'). */
  of?: string
  /** 'user' fields: only holders of this permission… */
  permission?: string
  /** …whose data scope covers the record of the org in this form field (e.g. 'orgId'). */
  recordOrgOf?: string
  /** 'org' fields: the caller's data scope (default) or every org. */
  scope?: OrgScope
  /** 'number' fields: bounds of the input. */
  min?: number
  max?: number
  /** 'select' fields: false when a value is always required (no clear button). */
  clearable?: boolean
}

/** An extra per-row button of CrudPage (beside 编辑 / 删除). */
export interface RowAction {
  key: string
  label: Localized
  /** Shown only to holders of this permission code. */
  permission?: string
  /** Shown only for rows it returns true for (e.g. a status). */
  visible?: (row: Record<string, any>) => boolean
  type?: 'primary' | 'success' | 'warning' | 'danger' | 'info'
  /** Asked (确定/取消) before `run`. */
  confirm?: Localized
  /** What the button does; CrudPage reloads the list after it resolves when `reload` is true. */
  run: (row: Record<string, any>) => unknown | Promise<unknown>
  reload?: boolean
}

/**
 * Identity helpers that keep literal types ('money', 'dict', …) when a page declares
 * its schema in a plain `const`, so vue-tsc checks the schema against CrudPage's props:
 *   const columns = defineColumns([{ prop: 'amount', label: {…}, type: 'money' }])
 */
export const defineColumns = (columns: CrudColumn[]): CrudColumn[] => columns
export const defineFields = (fields: CrudField[]): CrudField[] => fields
export const defineRowActions = (actions: RowAction[]): RowAction[] => actions
