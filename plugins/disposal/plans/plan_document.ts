/*
| The data of the 处置预案审批表 (documents/plan.hbs): the plan's detail with
| codes turned into labels, the external facts as small tables and the
| approval opinions. The template escapes every value; nothing here builds HTML.
|
| Opinions come from the core workflow's history (wf_history, read-only): the
| workflow handler tells the plan only the outcome, and an approval form
| without the approvers' words is not one.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { fromDb } from '#core/db/db_time'
import { Money } from '#core/money/money'
import { formatYuan } from '#core/documents/helpers'
import type { planDetail } from './plan_queries.js'
import type { PrefillSection } from './prefill.js'

type Detail = NonNullable<Awaited<ReturnType<typeof planDetail>>>

const SECTION_TABLES: Record<
  string,
  { title: string; headers: string[]; row: (item: any) => unknown[] }
> = {
  principal: {
    title: '本金利息（实时）',
    headers: ['借据号', '本金', '正常利息', '逾期利息', '罚息', '复利', '截至'],
    row: (b) => [
      b.loanNo,
      ...[
        b.principal,
        b.normalInterest,
        b.overdueInterest,
        b.penaltyInterest,
        b.compoundInterest,
      ].map(formatYuan),
      b.asOf,
    ],
  },
  creditLines: {
    title: '授信情况（含他行）',
    headers: ['授信机构', '产品', '额度', '已用', '到期日', '本行'],
    row: (c) => [
      c.lender,
      c.product,
      formatYuan(c.limit),
      formatYuan(c.used),
      c.expiresOn,
      c.insideBank ? '是' : '否',
    ],
  },
  litigation: {
    title: '涉诉及被执行信息',
    headers: ['日期', '类型', '事项', '来源', '等级'],
    row: (a) => [
      a.occurredOn,
      a.kind === 'executed_person' ? '被执行人' : '涉诉',
      a.title,
      a.source,
      LEVELS[a.level] ?? a.level,
    ],
  },
  assetChanges: {
    title: '资产及股权变动',
    headers: ['日期', '类型', '事项', '来源', '等级'],
    row: (a) => [
      a.occurredOn,
      a.kind === 'equity_change' ? '股权变动' : '资产变动',
      a.title,
      a.source,
      LEVELS[a.level] ?? a.level,
    ],
  },
  related: {
    title: '关联借款及关联客户',
    headers: ['名称', '编号', '关系'],
    row: (r) => [r.name, r.id, RELATIONS[r.relation] ?? r.relation],
  },
}

const LEVELS: Record<string, string> = { high: '高', medium: '中', low: '低' }

const RELATIONS: Record<string, string> = {
  guarantee: '担保',
  shareholder: '股东',
  group: '同一集团',
  legal_rep: '法定代表人',
  related_loan: '关联借款',
}

const ACTIONS: Record<string, string> = {
  submit: '提交',
  resubmit: '重新提交',
  approve: '同意',
  reject: '否决',
  return: '退回',
  transfer: '转办',
  add_signer: '加签',
  withdraw: '撤回',
  complete: '审批完成',
  external: '外部系统审批',
}

const time = (value: unknown) =>
  fromDb(value)?.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm') ?? ''

async function labels() {
  const { data } = await dictionariesCache.current()
  const of = (type: string) => new Map((data[type] ?? []).map((i) => [i.code, i.label.zh]))
  return {
    method: of('disposal_method'),
    status: of('disposal_plan_status'),
    fiveClass: of('credit_assets_five_class'),
  }
}

async function opinions(instanceId: number | null) {
  if (!instanceId) return []
  const instance = await db
    .from('wf_instances')
    .where('id', instanceId)
    .select('chain_json')
    .first()
  let nodes: Array<{ seq: number; name: { zh: string } }> = []
  try {
    nodes = JSON.parse(instance?.chain_json ?? '[]')
  } catch {}
  const rows = await db
    .from('wf_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .where('h.instance_id', instanceId)
    .orderBy('h.id')
    .select('h.action', 'h.node_seq', 'h.comment', 'h.created_at', 'u.real_name')
  return rows.map((r) => ({
    at: time(r.created_at),
    node: nodes.find((n) => Number(n.seq) === Number(r.node_seq))?.name?.zh ?? '',
    actor: r.real_name ?? '',
    action: ACTIONS[r.action] ?? r.action,
    comment: r.comment ?? '',
  }))
}

export async function planDocumentData(plan: Detail, printedBy: string) {
  const dict = await labels()
  return {
    plan,
    statusLabel: dict.status.get(plan.status) ?? plan.status,
    methodLabel: dict.method.get(plan.method) ?? plan.method,
    appliedOn: plan.createdAt
      ? DateTime.fromISO(plan.createdAt).setZone('Asia/Shanghai').toISODate()
      : '',
    recoveryRate: percentOf(plan.expectedRecovery, plan.claimTotal),
    loans: plan.loans.map((l) => ({
      ...l,
      fiveClassLabel: dict.fiveClass.get(l.fiveClass) ?? l.fiveClass,
      sourceLabel: l.figuresSource === 'core-banking' ? '核心系统' : '信贷台账',
    })),
    sections: (plan.sections as PrefillSection[]).map((s) => {
      const table = SECTION_TABLES[s.section]
      const items = Array.isArray(s.data) ? s.data : []
      return {
        title: table?.title ?? s.section,
        source: s.source?.zh ?? '',
        fetchedAt: time(s.fetchedAt ? DateTime.fromISO(s.fetchedAt).toJSDate() : null),
        unavailable: s.status !== 'ok',
        message: s.message ?? '',
        headers: table?.headers ?? [],
        rows: table ? items.map(table.row) : [],
      }
    }),
    opinions: await opinions(plan.workflowInstanceId),
    printedBy,
    printedAt: DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm'),
  }
}

/** "12.34%" — expected recovery over the claim, half-up to two decimals, in decimal arithmetic. */
export function percentOf(part: string, whole: string) {
  const p = Money.fromYuan(part)
  const w = Money.fromYuan(whole)
  if (w.isZero()) return '—'
  return `${ratioText(p.toFen(), w.toFen())}%`
}

function ratioText(numeratorFen: string, denominatorFen: string) {
  // Hundredths of a percent, rounded half-up on integers (BigInt: exact, no float).
  const n = BigInt(numeratorFen) * 10000n
  const d = BigInt(denominatorFen)
  const q = (2n * n + d) / (2n * d)
  const whole = q / 100n
  const frac = (q % 100n).toString().padStart(2, '0')
  return `${whole}.${frac}`
}
