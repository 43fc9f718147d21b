/*
| Limitation events recorded by other plugins (诉讼管理 files a suit, a judgment
| is given …) through services/limitation_api.ts. One call may name several
| loans (a suit covers a customer's 借据): each gets its own event, all in one
| transaction — the caller's when given, so the case and its limitation effects
| commit or roll back together. Each event carries the caller's record as its
| source, shown on 时效管理 and used to make a retried call a no-op.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { refuseUnknown } from '#core/validation/unknown_fields'
import { limitationApiEventValidator } from '../validators/limitation_api.js'
import { LimitationError } from './limitation_error.js'
import {
  limitationContext,
  limitationFor,
  recordEvent,
  type LoanLimitation,
} from './limitation_service.js'
import type { EventAssessment, EventType } from './types.js'
import { bookApi } from '../../credit-assets/services/book_api.js'

/** The calling plugin's record: { plugin: 'litigation', kind: 'case', id: 12, label: '（2024）京0105民初12345号' }. */
export interface LimitationSourceRef {
  plugin: string
  kind: string
  id: string | number
  label?: string
}

export interface LimitationEventInput {
  /** The loans (借据) the event concerns; each gets its own event. */
  loanIds: number[]
  /** The day it happened ('YYYY-MM-DD', not after the business date): filing, award, service … */
  date: string
  /** 凭证: case number, notice number, archive reference. */
  proofRef: string
  source: LimitationSourceRef
  /** The user who did it (the audit row names them). */
  operatorId: number
  remark?: string
  /** Only loans in this data scope may be named (another is a 404). Omitted: a system call. */
  access?: UserAccess
  /** The request, when there is one: the audit row then carries its IP and request id. */
  ctx?: HttpContext | null
}

export interface RecordedLimitationEvent extends EventAssessment {
  loanId: number
  /** false: this source had already recorded the event; nothing was written. */
  created: boolean
}

const KEYS = [
  'loanIds',
  'date',
  'proofRef',
  'source',
  'operatorId',
  'remark',
  'signed',
  'performanceDeadline',
]

async function record(
  trx: TransactionClientContract | null,
  type: EventType,
  raw: LimitationEventInput & { signed?: boolean; performanceDeadline?: string }
): Promise<RecordedLimitationEvent[]> {
  const { access, ctx, ...rest } = raw
  refuseUnknown(rest, KEYS)
  const input = await limitationApiEventValidator.validate({
    ...rest,
    source: rest.source && { ...rest.source, id: String(rest.source.id ?? '') },
  })
  const context = await limitationContext(trx ?? undefined)
  if (input.date > context.today)
    throw new LimitationError(
      422,
      `事件日期不得晚于营业日期 ${context.today}`,
      `The date may not be after the business date ${context.today}`,
      'date'
    )
  if (type === 'judgment') {
    if (!input.performanceDeadline)
      throw new LimitationError(
        422,
        '判决须填写履行期限届满日',
        'A judgment needs its performance deadline',
        'performanceDeadline'
      )
    if (input.performanceDeadline < input.date)
      throw new LimitationError(
        422,
        '履行期限届满日不得早于判决生效日',
        'The performance deadline may not precede the judgment',
        'performanceDeadline'
      )
  }
  const work = async (client: TransactionClientContract) => {
    const { data: loans } = await bookApi.loans.search(
      { ids: input.loanIds, perPage: 200 },
      { access, client }
    )
    const missing = input.loanIds.filter((id) => !loans.some((l) => l.id === id))
    if (missing.length)
      throw new LimitationError(
        404,
        `借据不存在或不在数据权限内：${missing.join(', ')}`,
        `Loans not found: ${missing.join(', ')}`,
        'loanIds'
      )
    const actor = await client
      .from('users')
      .where('id', input.operatorId)
      .select('username')
      .first()
    const recorded: RecordedLimitationEvent[] = []
    for (const loan of loans) {
      const result = await recordEvent(
        {
          loanId: loan.id,
          customerId: loan.customerId,
          orgId: loan.orgId,
          type,
          date: input.date,
          endDate: type === 'judgment' ? input.performanceDeadline! : null,
          guaranteeId: null,
          signed: type === 'collection' ? Boolean(input.signed) : false,
          proofRef: input.proofRef,
          remark: input.remark ?? null,
          operatorId: input.operatorId,
          source: {
            plugin: input.source.plugin,
            kind: input.source.kind,
            id: input.source.id,
            label: input.source.label ?? null,
          },
        },
        (t, effect) =>
          audit.record(ctx ?? null, {
            trx: t,
            actorUsername: actor?.username ?? null,
            action: 'disposal.limitation.event',
            entityType: 'ca_loan',
            entityId: loan.id,
            after: {
              eventType: type,
              eventDate: input.date,
              endDate: type === 'judgment' ? input.performanceDeadline : undefined,
              proofRef: input.proofRef,
              source: input.source,
              effect: effect.effect,
              legalReview: effect.legalReview,
            },
            detail: effect.note.slice(0, 500),
          }),
        { trx: client, context }
      )
      recorded.push({ ...result, loanId: loan.id })
    }
    return recorded
  }
  return trx ? work(trx) : db.transaction(work)
}

/** 起诉: filing a suit interrupts the 诉讼时效 (民法典 §195(3)). `date` = the filing date. */
export const recordLawsuit = (trx: TransactionClientContract | null, input: LimitationEventInput) =>
  record(trx, 'lawsuit', input)

/** 申请仲裁: interrupts the 诉讼时效 like a suit (§195(3)). */
export const recordArbitration = (
  trx: TransactionClientContract | null,
  input: LimitationEventInput
) => record(trx, 'arbitration', input)

/**
 * 催收 with proof (§195(1)): interrupts a running period; after expiry a notice the
 * debtor `signed` is a waiver of the defence, flagged for legal review.
 */
export const recordCollection = (
  trx: TransactionClientContract | null,
  input: LimitationEventInput & { signed?: boolean }
) => record(trx, 'collection', input)

/**
 * 判决/裁决生效 with the last day of its performance period: closes the 诉讼时效 and
 * starts the 申请执行时效 (2 years from `performanceDeadline`, 民事诉讼法 §250).
 */
export const recordJudgment = (
  trx: TransactionClientContract | null,
  input: LimitationEventInput & { performanceDeadline: string }
) => record(trx, 'judgment', input)

/** 申请执行: interrupts the 申请执行时效 (§250 applies §195); before a judgment it has no effect. */
export const recordEnforcementApplication = (
  trx: TransactionClientContract | null,
  input: LimitationEventInput
) => record(trx, 'enforcement_application', input)

/**
 * A loan's current 时效信息 — periods with their rule, end date and status, events
 * (with their source), warnings — computed now. With `access`, null outside the
 * scope (answer 404). Read-only; call it outside your transaction.
 */
export async function loanLimitation(
  loanId: number,
  options: { access?: UserAccess; today?: string } = {}
): Promise<LoanLimitation | null> {
  const [found] = await limitationFor({ loanId }, options)
  return found ?? null
}
