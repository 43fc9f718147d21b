/*
| 预案预填: the facts an approver needs, fetched in real time from the bank's
| systems when the applicant opens the form. Each section says which system it
| came from and when; a system that is down, slow or missing leaves ITS section
| `unavailable` with the reason — the form still opens (same approach as the
| customer view's external panels).
|
|   principal    核心系统   principal and interest of each chosen loan
|   creditLines  统一授信   credit lines, inside and outside the bank
|   litigation   智能预警   lawsuits and executed-person (被执行人) records
|   assetChanges 智能预警   asset and equity changes
|   related      智能风控   related loans and related customers (the graph's neighbours)
*/
import logger from '@adonisjs/core/services/logger'
import { ConnectorError } from '#core/connectors/connector_error'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'

export const SECTIONS = [
  'principal',
  'creditLines',
  'litigation',
  'assetChanges',
  'related',
] as const
export type SectionName = (typeof SECTIONS)[number]

const SOURCES: Record<SectionName, { code: string; zh: string; en: string }> = {
  principal: { code: 'core-banking', zh: '核心系统', en: 'Core banking' },
  creditLines: { code: 'credit-limit', zh: '统一授信', en: 'Credit limits' },
  litigation: { code: 'warning', zh: '智能预警', en: 'Early warning' },
  assetChanges: { code: 'warning', zh: '智能预警', en: 'Early warning' },
  related: { code: 'risk-control', zh: '智能风控', en: 'Risk control' },
}

const REASONS: Record<string, string> = {
  timeout: '响应超时',
  unavailable: '无法连接',
  http: '返回错误',
  disabled: '接口已停用',
  breaker_open: '熔断中，暂停调用',
  missing: '未配置外部系统适配器',
  error: '返回了无法识别的结果',
}

export interface PrefillSection {
  section: SectionName
  source: { code: string; zh: string; en: string }
  status: 'ok' | 'unavailable'
  /** ISO timestamp of the answer (or of the failure). */
  fetchedAt: string
  data?: unknown
  /** zh-CN reason, e.g. "核心系统：响应超时". */
  message?: string
}

export interface PrefillSubject {
  customerNo: string
  loans: Array<{ loanNo: string }>
}

class SectionTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SectionTimeout()), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/** One 智能预警 call serves both of its sections. */
interface Shared {
  alerts(): ReturnType<BankSystems['warning']['alerts']>
}

type Loader = (s: BankSystems, subject: PrefillSubject, shared: Shared) => Promise<unknown>

const LOADERS: Record<SectionName, Loader> = {
  principal: (s, subject) =>
    Promise.all(subject.loans.map((l) => s.coreBanking.loanBalance(l.loanNo))),
  creditLines: (s, subject) => s.creditLimit.creditLines(subject.customerNo),
  litigation: async (_s, _subject, shared) =>
    (await shared.alerts()).filter((a) => a.kind === 'litigation' || a.kind === 'executed_person'),
  assetChanges: async (_s, _subject, shared) =>
    (await shared.alerts()).filter((a) => a.kind === 'asset_change' || a.kind === 'equity_change'),
  related: async (s, subject) => {
    const graph = await s.riskControl.relationshipGraph(subject.customerNo)
    const names = new Map(graph.nodes.map((n) => [n.id, n]))
    // The contract leaves node ids to the system (the simulator writes "C:<customer no>"):
    // the customer's own node is the one naming its number.
    const isSelf = (id: string) =>
      id === subject.customerNo || id.endsWith(`:${subject.customerNo}`)
    // Direct neighbours only, one row per neighbour and relation (a pair may be linked twice).
    const rows = new Map<
      string,
      { id: string; name: string; kind: string | null; relation: string }
    >()
    for (const link of graph.links) {
      if (!isSelf(link.source) && !isSelf(link.target)) continue
      const other = isSelf(link.source) ? link.target : link.source
      if (isSelf(other)) continue
      const node = names.get(other)
      rows.set(`${other}|${link.relation}`, {
        id: other,
        name: node?.name ?? other,
        kind: node?.kind ?? null,
        relation: link.relation,
      })
    }
    return [...rows.values()]
  },
}

async function loadSection(
  section: SectionName,
  subject: PrefillSubject,
  systems: BankSystems | null,
  timeoutMs: number,
  shared: Shared
): Promise<PrefillSection> {
  const source = SOURCES[section]
  const unavailable = (reason: string): PrefillSection => ({
    section,
    source,
    status: 'unavailable',
    fetchedAt: new Date().toISOString(),
    message: `${source.zh}：${REASONS[reason] ?? REASONS.error}`,
  })
  if (!systems) return unavailable('missing')
  try {
    const data = await withTimeout(LOADERS[section](systems, subject, shared), timeoutMs)
    return { section, source, status: 'ok', fetchedAt: new Date().toISOString(), data }
  } catch (error) {
    if (error instanceof SectionTimeout) return unavailable('timeout')
    if (error instanceof ConnectorError) return unavailable(error.kind)
    logger.error({ err: error, section }, 'disposal plan prefill section failed')
    return unavailable('error')
  }
}

/** Every section, fetched in parallel; never throws. */
export async function loadPrefill(
  subject: PrefillSubject,
  systems: BankSystems | null,
  timeoutMs: number,
  only: readonly SectionName[] = SECTIONS
): Promise<PrefillSection[]> {
  let alerts: ReturnType<Shared['alerts']> | null = null
  const shared: Shared = {
    alerts: () => (alerts ??= systems!.warning.alerts(subject.customerNo)),
  }
  return Promise.all(
    only.map((section) => loadSection(section, subject, systems, timeoutMs, shared))
  )
}
