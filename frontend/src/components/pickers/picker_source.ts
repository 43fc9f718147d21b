/*
| What a record picker (RecordPicker.vue) asks its source: one page of records
| matching what the user typed, or the records behind given ids (to label the
| current value). The source calls a server endpoint that applies the user's
| data scope, so a picker never offers a record the user could not open.
*/
export interface PickerOption {
  value: number
  label: string
  /** A second line (customer no., org, balance…). */
  hint?: string
}

export interface PickerQuery {
  keyword: string
  page: number
  perPage: number
  /** Only these records (labels of the current value); keyword is then empty. */
  ids?: number[]
}

export interface PickerPage {
  data: PickerOption[]
  total: number
}

export type PickerSource = (query: PickerQuery) => Promise<PickerPage>
