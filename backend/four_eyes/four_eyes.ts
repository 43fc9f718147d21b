/*
| 四眼原则 (maker-checker) for security-sensitive configuration. An area
| registers a kind of change with the function that applies it; its controller
| calls `fourEyes.submit`. When the kind is listed in the parameter
| `system.fourEyes.kinds`, the change waits for a second administrator;
| otherwise it is applied at once. Either way the same `apply` runs, in one
| transaction with the status change, so what was approved is what happens.
| The checker is never the maker, nor an account the maker created or changed
| within the review window (account_links.ts).
*/
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { settings } from '#core/settings/settings'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import { RuleError } from '#core/plugins/rule_error'
import { madeByMaker } from './account_links.js'

export interface ChangeKind<P = any> {
  name: { zh: string; en: string }
  /**
   * Applies the change; throws to refuse (the decision is then rolled back).
   * `approvedBy` is the checker (absent when the kind applies at once).
   */
  apply(
    trx: TransactionClientContract,
    payload: P,
    requestedBy: number,
    approvedBy?: number
  ): Promise<unknown>
}

/* How each refusal is answered (the text is the server message `fourEyes.<CODE>`). */
const STATUS = {
  NOT_FOUND: 404,
  NOT_PENDING: 409,
  OWN_CHANGE: 403,
  MAKER_ACCOUNT: 403,
  NOT_REQUESTER: 403,
} as const

export type FourEyesCode = keyof typeof STATUS

/**
 * A refused decision: a RuleError the exception handler answers as
 * `{ message, code }` (with `code`, the bare CODE, on a 404 too: the console reads it).
 */
export class FourEyesError extends RuleError {
  declare readonly code: FourEyesCode

  constructor(code: FourEyesCode, message: string) {
    super(STATUS[code], code, { body: { code } })
    // For logs; the user reads `fourEyes.<CODE>` in their language.
    this.message = message
  }

  messageFor(ctx: HttpContext) {
    return ctx.i18n(`fourEyes.${this.code}`)
  }
}

/**
 * An approved change that no longer applies (e.g. its target was deleted
 * meanwhile): the transaction rolls back, the change stays pending, and the
 * checker is told why (422 `{ message, code: 'APPLY_FAILED' }`).
 */
function applyFailed(error: unknown) {
  logger.warn({ err: error }, 'approved change could not be applied')
  return new RuleError(422, 'fourEyes.applyFailed', {
    data: { reason: (error as Error)?.message ?? String(error) },
    body: { code: 'APPLY_FAILED' },
  })
}

const kinds = new Map<string, ChangeKind>()

export const fourEyes = {
  register<P>(kind: string, definition: ChangeKind<P>) {
    kinds.set(kind, definition)
  },

  kinds() {
    return [...kinds.entries()].map(([code, k]) => ({ code, name: k.name }))
  },

  async isRequired(kind: string): Promise<boolean> {
    const list = await settings.json<string[]>('system.fourEyes.kinds').catch((): string[] => [])
    return Array.isArray(list) && list.includes(kind)
  },

  /**
   * Applies now, or records a pending change; returns which. Controllers pass
   * their ctx (the actor is its user); jobs and tests pass the actor directly.
   */
  async submit<P>(
    ctx: HttpContext | null,
    kind: string,
    payload: P,
    summary: string,
    actor?: { id: number; orgId: number }
  ): Promise<{ applied: true; result: unknown } | { applied: false; changeId: number }> {
    const definition = kinds.get(kind)
    if (!definition) throw new Error(`Unknown change kind "${kind}"`)
    const user = actor ?? ctx!.auth.getUserOrFail()
    if (!(await this.isRequired(kind))) {
      const result = await db.transaction((trx) => definition.apply(trx, payload, user.id))
      return { applied: true, result }
    }
    const [changeId] = await db.table('pending_changes').insert({
      kind,
      summary: summary.slice(0, 500),
      payload: JSON.stringify(payload),
      status: 'pending',
      requested_by: user.id,
      requested_org_id: user.orgId,
      requested_at: dbNow(),
    })
    await audit.record(ctx, {
      action: 'change.propose',
      entityType: 'pending_change',
      entityId: changeId,
      after: { kind, summary },
      result: 'success',
    })
    return { applied: false, changeId: Number(changeId) }
  },

  async approve(ctx: HttpContext, id: number, comment?: string) {
    const user = ctx.auth.getUserOrFail()
    const change = await db.from('pending_changes').where('id', id).first()
    if (!change) throw new FourEyesError('NOT_FOUND', 'change not found')
    if (change.status !== 'pending') throw new FourEyesError('NOT_PENDING', 'change is not pending')
    // The whole point: the checker is never the maker.
    if (change.requested_by === user.id)
      throw new FourEyesError('OWN_CHANGE', 'cannot approve own change')
    // Nor with a second account the maker made or changed (account_links.ts).
    if (await madeByMaker(user.id, change.requested_by))
      throw new FourEyesError('MAKER_ACCOUNT', 'the maker created or changed this account')
    const definition = kinds.get(change.kind)
    if (!definition) throw applyFailed(new Error(`Unknown change kind "${change.kind}"`))
    await db.transaction(async (trx) => {
      // Claim the row first, so two checkers approving at once apply it once.
      const claimed = await trx
        .from('pending_changes')
        .where('id', id)
        .where('status', 'pending')
        .update({
          status: 'approved',
          decided_by: user.id,
          decided_at: dbNow(),
          decision_comment: comment ?? null,
        })
      if (!Number(Array.isArray(claimed) ? claimed[0] : claimed))
        throw new FourEyesError('NOT_PENDING', 'change is not pending')
      try {
        await definition.apply(trx, JSON.parse(change.payload), change.requested_by, user.id)
      } catch (error) {
        throw applyFailed(error)
      }
    })
    // Both people on the record: the maker (requested_by) and the checker (the actor).
    const maker = await db.from('users').where('id', change.requested_by).select('username').first()
    await audit.record(ctx, {
      action: 'change.approve',
      entityType: 'pending_change',
      entityId: id,
      after: {
        kind: change.kind,
        summary: change.summary,
        maker: maker?.username ?? null,
        checker: user.username,
      },
      result: 'success',
    })
  },

  async reject(ctx: HttpContext, id: number, comment?: string) {
    const user = ctx.auth.getUserOrFail()
    const change = await db.from('pending_changes').where('id', id).first()
    if (!change) throw new FourEyesError('NOT_FOUND', 'change not found')
    if (change.status !== 'pending') throw new FourEyesError('NOT_PENDING', 'change is not pending')
    await db
      .from('pending_changes')
      .where('id', id)
      .update({
        status: 'rejected',
        decided_by: user.id,
        decided_at: dbNow(),
        decision_comment: comment ?? null,
      })
    await audit.record(ctx, {
      action: 'change.reject',
      entityType: 'pending_change',
      entityId: id,
      after: { kind: change.kind, comment },
      result: 'success',
    })
  },

  async withdraw(ctx: HttpContext, id: number) {
    const user = ctx.auth.getUserOrFail()
    const change = await db.from('pending_changes').where('id', id).first()
    if (!change) throw new FourEyesError('NOT_FOUND', 'change not found')
    if (change.status !== 'pending') throw new FourEyesError('NOT_PENDING', 'change is not pending')
    if (change.requested_by !== user.id)
      throw new FourEyesError('NOT_REQUESTER', 'only the requester may withdraw')
    await db
      .from('pending_changes')
      .where('id', id)
      .update({ status: 'withdrawn', decided_by: user.id, decided_at: dbNow() })
    await audit.record(ctx, {
      action: 'change.withdraw',
      entityType: 'pending_change',
      entityId: id,
      result: 'success',
    })
  },
}
