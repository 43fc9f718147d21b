/*
| 外部信息面板: each panel of the portrait that comes from another system —
| 外部风险信息 (智能预警), 关联企业图谱 (智能风控), 催收记录 (智能催收),
| 授信情况 (统一授信). A panel answers within its timeout or is reported
| `unavailable`; it never fails the page, whatever the adapter throws.
*/
import logger from '@adonisjs/core/services/logger'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'
import { ConnectorError } from '#core/connectors/connector_error'
import type { Locale } from '#core/i18n/messages'

export const PANELS = ['alerts', 'graph', 'collections', 'creditLines'] as const
export type PanelName = (typeof PANELS)[number]

export interface PanelResult {
  panel: PanelName
  status: 'ok' | 'unavailable'
  data?: unknown
  message?: string
}

const LOADERS: Record<PanelName, (systems: BankSystems, customerNo: string) => Promise<unknown>> = {
  alerts: (s, no) => s.warning.alerts(no),
  graph: (s, no) => s.riskControl.relationshipGraph(no),
  collections: (s, no) => s.collection.records(no),
  creditLines: (s, no) => s.creditLimit.creditLines(no),
}

const SYSTEM_NAMES: Record<PanelName, { 'zh-CN': string; 'en': string }> = {
  alerts: { 'zh-CN': '智能预警', 'en': 'Early warning' },
  graph: { 'zh-CN': '智能风控', 'en': 'Risk control' },
  collections: { 'zh-CN': '智能催收', 'en': 'Collection' },
  creditLines: { 'zh-CN': '统一授信', 'en': 'Credit limits' },
}

const REASONS = {
  'zh-CN': {
    timeout: '响应超时',
    unavailable: '无法连接',
    http: '返回错误',
    disabled: '接口已停用',
    breaker_open: '熔断中，暂停调用',
    missing: '未配置外部系统适配器',
    error: '返回了无法识别的结果',
  },
  'en': {
    timeout: 'did not answer in time',
    unavailable: 'cannot be reached',
    http: 'returned an error',
    disabled: 'interface disabled',
    breaker_open: 'circuit open, calls paused',
    missing: 'no adapter configured',
    error: 'returned an unexpected result',
  },
}

export const isPanel = (name: string): name is PanelName =>
  (PANELS as readonly string[]).includes(name)

class PanelTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PanelTimeout()), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

export async function loadPanel(
  panel: PanelName,
  customerNo: string,
  systems: BankSystems | null,
  options: { timeoutMs: number; locale: Locale }
): Promise<PanelResult> {
  const unavailable = (reason: keyof (typeof REASONS)['en']): PanelResult => ({
    panel,
    status: 'unavailable',
    message: `${SYSTEM_NAMES[panel][options.locale]}: ${REASONS[options.locale][reason]}`,
  })
  if (!systems) return unavailable('missing')
  try {
    return {
      panel,
      status: 'ok',
      data: await withTimeout(LOADERS[panel](systems, customerNo), options.timeoutMs),
    }
  } catch (error) {
    if (error instanceof PanelTimeout) return unavailable('timeout')
    if (error instanceof ConnectorError) return unavailable(error.kind)
    logger.error({ err: error, panel }, 'customer-view panel failed')
    return unavailable('error')
  }
}
