/*
| Picker sources for the shared RecordPicker (frontend/src/components/pickers/):
| customers, and the loans of one customer (multi-select). Published
| (publicModules) so other plugins' forms use them:
|
|   <RecordPicker v-model="form.customerId" :source="customerSource" />
|   <RecordPicker v-model="form.loanIds" multiple :source="loanSource(form.customerId)" />
|
| The server answers in the user's data scope (credit-assets:loan:list).
*/
import { http } from '@/api/http'
import type { PickerPage, PickerQuery, PickerSource } from '@/components/pickers/picker_source'

const ask = (path: string, query: PickerQuery, extra: Record<string, number> = {}) =>
  http.get<PickerPage>(`/credit-assets/pickers/${path}`, {
    keyword: query.keyword || undefined,
    page: query.page,
    perPage: query.perPage,
    ids: query.ids?.join(','),
    ...extra,
  })

export const customerSource: PickerSource = (query) => ask('customers', query)

export const loanSource =
  (customerId: number): PickerSource =>
  (query) =>
    ask('loans', query, { customerId })
