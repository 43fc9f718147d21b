/*
| Picker sources for the shared RecordPicker (frontend/src/components/pickers/):
| customers, the loans of one customer (multi-select), and risk assets. Published
| (publicModules) so other plugins' forms use them:
|
|   <RecordPicker v-model="form.customerId" :source="customerSource" />
|   <RecordPicker v-model="form.loanIds" multiple :source="loanSource(form.customerId)" />
|   <RecordPicker v-model="form.loanId" :source="riskAssetSource({ value: 'loan' })" />
|
| The server answers in the user's data scope (credit-assets:loan:list; risk
| assets: credit-assets:risk-asset:list).
*/
import { http } from '@/api/http'
import type { PickerPage, PickerQuery, PickerSource } from '@/components/pickers/picker_source'
import type { RelationSources } from '@/components/pickers/relations'

const ask = (path: string, query: PickerQuery, extra: Record<string, number | string> = {}) =>
  http.get<PickerPage>(`/credit-assets/pickers/${path}`, {
    keyword: query.keyword || undefined,
    page: query.page,
    perPage: query.perPage,
    ids: query.ids?.join(','),
    ...extra,
  })

export const customerSource: PickerSource = (query) => ask('customers', query)

/** Loans of one customer; without a customer, every loan in the user's scope. */
export const loanSource =
  (customerId?: number | null): PickerSource =>
  (query) =>
    ask('loans', query, customerId ? { customerId } : {})

export interface RiskAssetSourceOptions {
  /** The option's value: the risk asset's id (default) or its loan's id. */
  value?: 'id' | 'loan'
  /** managed (default), exited, or all. */
  status?: 'managed' | 'exited' | 'all'
  /** Only this customer's risk assets. */
  customerId?: number | null
}

/** 风险资产 by loan number, customer name or number; labelled "借据号 客户名", balance as hint. */
export const riskAssetSource =
  (options: RiskAssetSourceOptions = {}): PickerSource =>
  (query) =>
    ask('risk-assets', query, {
      value: options.value ?? 'id',
      status: options.status ?? 'managed',
      ...(options.customerId ? { customerId: options.customerId } : {}),
    })

/**
 * The book's relation kinds for CrudPage fields and columns (`type: 'customer' |
 * 'loan' | 'risk-asset'`); a loan field with `of: 'customerId'` offers that customer's loans.
 */
export const relations: RelationSources = {
  'customer': () => customerSource,
  'loan': ({ of }) => loanSource(of),
  'risk-asset': ({ of }) => riskAssetSource({ customerId: of }),
}
