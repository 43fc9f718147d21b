/*
| 核销批复 and its execution (账务处理).
|
| The 批复 itself is one transaction: the number (per year, HXPF<year>-<nnnn>)
| and the plan `replied`; a second 批复 of the same plan finds it no longer
| `approved` (409). Executing it — every subject 已核销 in the book
| (book_writer: loan status with its timeline event, or the card account's
| status), a disposal outcome per loan, and the postings in the outbox — runs
| per chunk of subjects, each chunk one transaction that does all of that for
| its subjects or nothing. A plan of up to 参数 write-off.replyInlineMax
| subjects executes inside the 批复's own transaction; a larger batch runs as
| the job `write-off:execute-reply` with progress, chunk after chunk. A chunk
| takes only subjects not yet written off, and posting keys are unique, so a
| retried or repeated run never writes off or posts anything twice.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { queue } from '#core/queue/queue'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import type { UserAccess } from '#core/identity/user_access'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { recordDisposalOutcomes } from '../../disposal/services/outcomes_api.js'
import { enqueuePostings } from '../postings/posting_service.js'
import { ITEMS, PLANS, day, planRow } from './plan_store.js'
import { releaseSubjects } from './plan_service.js'
import { WriteOffError } from './write_off_error.js'

const NUMBERS = 'write_off_reply_numbers'
export const EXECUTE_JOB = 'write-off:execute-reply'
export const INLINE_MAX = 'write-off.replyInlineMax'
/** Subjects per transaction of the job: a kill -9 loses at most one chunk's work, redone by the retry. */
const CHUNK = 500

/** The next 批复 number of `year`, serialised on the year's row. */
async function nextReplyNo(trx: TransactionClientContract, year: number) {
  const row = await trx.from(NUMBERS).where('year', year).forUpdate().first()
  let next = 1
  if (row) {
    next = Number(row.last_no) + 1
    await trx.from(NUMBERS).where('year', year).update({ last_no: next })
  } else {
    await trx.table(NUMBERS).insert({ year, last_no: 1 })
  }
  return `HXPF${year}-${String(next).padStart(4, '0')}`
}

export interface ReplyInput {
  repliedOn: string
  replyText: string
}

const MONEY = ['principal_fen', 'on_balance_interest_fen', 'off_balance_interest_fen', 'fee_fen']

/**
 * Executes up to `limit` not-yet-written-off subjects of a replied plan in `trx`.
 * Returns how many subjects and postings it did. (Exported for the tests that
 * interrupt a chunk: its transaction rolls back as a kill -9 would leave it.)
 */
export async function executeSome(trx: TransactionClientContract, planId: number, limit: number) {
  const plan = await trx.from(PLANS).where('id', planId).forUpdate().first()
  if (!plan || plan.status !== 'replied') throw new WriteOffError(409, '核销方案尚未批复')
  const repliedOn = day(plan.replied_on)!
  const items = await trx
    .from(ITEMS)
    .where('plan_id', planId)
    .whereNull('written_off_on')
    .orderBy('id')
    .limit(limit)
    .select('*', ...MONEY.map((c) => trx.raw(`CAST(${c} AS CHAR) as ${c}`)))
  const reason = `核销 ${plan.reply_no}`
  const operatorId = Number(plan.replied_by)
  const loans = items.filter((i) => i.subject_kind === 'loan')
  const cards = items.filter((i) => i.subject_kind !== 'loan')
  // Set-based: one status change for the chunk's loans, one for its cards, the outcomes in bulk.
  if (loans.length)
    await bookWriter.changeLoanStatuses(trx, {
      loanIds: loans.map((i) => Number(i.subject_id)),
      status: 'written_off',
      reason,
      businessDate: repliedOn,
      operatorId,
    })
  if (cards.length)
    await bookWriter.changeCardAccountStatuses(trx, {
      accountIds: cards.map((i) => Number(i.subject_id)),
      status: 'written_off',
      reason,
      businessDate: repliedOn,
    })
  await recordDisposalOutcomes(
    trx,
    loans.map((item) => {
      const principal = Money.fromFen(item.principal_fen)
      const interest = Money.fromFen(item.on_balance_interest_fen).plus(
        Money.fromFen(item.off_balance_interest_fen)
      )
      return {
        loanIds: [Number(item.subject_id)],
        method: 'write_off',
        completedOn: repliedOn,
        writtenOff: principal.plus(interest).toYuan(),
        // 压降 is the balance: the loan's principal leaves the books.
        balanceReduced: principal.toYuan(),
        sourcePlugin: 'write-off',
        sourceRef: `item:${item.id}`,
        sourceLink: `/p/write-off/Postings?id=${planId}`,
        operatorId,
      }
    })
  )
  const postings = await enqueuePostings(trx, { id: planId, replyNo: plan.reply_no }, items)
  if (items.length)
    await trx
      .from(ITEMS)
      .whereIn(
        'id',
        items.map((i) => i.id)
      )
      .update({ written_off_on: repliedOn })
  const left = await trx.from(ITEMS).where('plan_id', planId).whereNull('written_off_on').first()
  if (!left) await releaseSubjects(trx, planId)
  return { subjects: items.length, postings, done: !left }
}

/** One chunk in its own transaction (the job's step). */
export function executeChunk(planId: number, size = CHUNK) {
  return db.transaction((trx) => executeSome(trx, planId, size))
}

/** Subjects of the plan written off so far, and in all. */
export async function executionOf(planId: number) {
  const [row] = await db
    .from(ITEMS)
    .where('plan_id', planId)
    .select(db.raw('COUNT(*) as total'), db.raw('COUNT(written_off_on) as done'))
  return { total: Number(row.total), done: Number(row.done) }
}

export async function dispatchExecution(planId: number, userId: number) {
  return queue.dispatch(EXECUTE_JOB, { planId }, { userId })
}

export async function issueReply(access: UserAccess, planId: number, input: ReplyInput) {
  await planRow(access, planId)
  const inlineMax = await settings.integer(INLINE_MAX)
  const result = await db.transaction(async (trx) => {
    const plan = await trx.from(PLANS).where('id', planId).forUpdate().first()
    if (plan.status !== 'approved')
      throw new WriteOffError(409, `核销方案 ${plan.plan_no} 不是待批复状态，不能下发批复`)
    // Four eyes: whoever applied for the write-off does not also issue its 批复.
    if (Number(plan.created_by) === access.user.id)
      throw new WriteOffError(422, '方案申报人不能下发本方案的核销批复')
    const replyNo = await nextReplyNo(trx, Number(input.repliedOn.slice(0, 4)))
    await trx.from(PLANS).where('id', planId).update({
      status: 'replied',
      reply_no: replyNo,
      replied_on: input.repliedOn,
      replied_by: access.user.id,
      reply_text: input.replyText,
      updated_at: dbNow(),
    })
    if (Number(plan.item_count) > inlineMax) return { replyNo, postings: null, inline: false }
    const done = await executeSome(trx, planId, Number(plan.item_count))
    return { replyNo, postings: done.postings, inline: true }
  })
  // A large batch executes in the background; the console follows the job's progress.
  const jobId = result.inline ? null : await dispatchExecution(planId, access.user.id)
  return { replyNo: result.replyNo, postings: result.postings, jobId }
}
