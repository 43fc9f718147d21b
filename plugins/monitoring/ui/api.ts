/* One typed function per monitoring endpoint, over the shell's one HTTP client. */
import { http } from '@/api/http'
import { currentLocale, localize } from '@/i18n'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)
export const KIND_DICT = 'monitoring_alert_kind'

export interface Alert {
  id: number
  alertNo: string
  customerId: number
  kind: string
  title: string
  level: 'high' | 'medium' | 'low'
  source: string
  occurredOn: string
  detail: Record<string, unknown>
  effect: 'none' | 'lawsuit'
  limitationStatus: 'pending' | 'recorded' | null
  notified: number
}

export type MasterField = 'name' | 'phone' | 'address' | 'legalRepresentative'
export interface MasterComparison {
  customerId: number
  local: Record<MasterField, string | null>
  remote: Record<MasterField, string | null>
  refreshedAt: string | null
  differences: Array<{ field: MasterField; local: string | null; remote: string | null }>
}

export interface MasterApplied {
  customerId: number
  fields: MasterField[]
  before: Record<MasterField, string | null>
  after: Record<MasterField, string | null>
  /** Fields the book (credit-assets) changed: the name. */
  bookChanged: Array<{ field: 'name'; before: string; after: string }>
}

const base = (customerId: number) => `/monitoring/customers/${customerId}`

export const monitoringApi = {
  alerts: (customerId: number) => http.get<{ data: Alert[] }>(`${base(customerId)}/alerts`),
  confirmLimitation: (customerId: number, alertId: number) =>
    http.post(`${base(customerId)}/alerts/${alertId}/limitation`),
  master: (customerId: number) => http.get<MasterComparison>(`${base(customerId)}/master`),
  applyMaster: (customerId: number, changes: Partial<Record<MasterField, string | null>>) =>
    http.post<MasterApplied>(`${base(customerId)}/master`, { changes }),
}

export const FIELD_LABEL: Record<MasterField, [string, string]> = {
  name: ['客户名称', 'Name'],
  phone: ['联系电话', 'Phone'],
  address: ['地址', 'Address'],
  legalRepresentative: ['法定代表人', 'Legal representative'],
}
