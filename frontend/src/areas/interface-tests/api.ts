import { http } from '@/api/http'
import type { Localized } from '@/i18n'

/* 接口测试 (backend/interface_tests). */
export interface TestableInterface {
  system: string
  systemName: Localized
  interface: string
  name: Localized
  method: string
  path: string
  moneyChanging: boolean
  runnable: boolean
  baseUrl: string | null
  request: unknown
  response: unknown
  sample: unknown
}

export interface InterfaceTestResult {
  ok: boolean
  durationMs: number
  correlationId: string
  request: string | null
  response: string | null
  error: { kind: string; message: string; httpStatus: number | null } | null
}

export interface TestCase {
  id: number
  name: string
  system: string
  interface: string
  payload: unknown
  expect: 'success' | 'failure'
}

export interface SuiteReport {
  total: number
  passed: number
  failed: number
  rows: Array<{
    caseId: number
    name: string
    system: string
    interface: string
    expect: 'success' | 'failure'
    passed: boolean
    result: InterfaceTestResult | null
    refused: string | null
  }>
}

const base = '/system/interface-tests'
export const interfaceTestsApi = {
  interfaces: () => http.get<{ data: TestableInterface[] }>(`${base}/interfaces`),
  run: (system: string, iface: string, payload: unknown) =>
    http.post<InterfaceTestResult>(`${base}/run`, { system, interface: iface, payload }),
  cases: () => http.get<{ data: TestCase[] }>(`${base}/cases`),
  saveCase: (input: Omit<TestCase, 'id'>) => http.post<TestCase>(`${base}/cases`, input),
  deleteCase: (id: number) => http.delete<void>(`${base}/cases/${id}`),
  suite: (systems?: string[]) =>
    http.post<SuiteReport>(`${base}/suite`, systems ? { systems } : {}),
}
