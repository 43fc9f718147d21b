/*
| 核销批复 and what follows it, in ONE transaction: the reply number (per year,
| HXPF<year>-<nnnn>), the plan `replied`, every subject 已核销 in the book
| (book_writer: loan status with its timeline event, or the card account's
| status), the disposal outcome per loan (资产处置台账, 目标管理), and the
| postings in the outbox. Either all of it happens or none; a second 批复 of
| the same plan finds it no longer `approved` (409) and posts nothing.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { dbNow } from '#core/support/db_time'
import type { UserAccess } from '#core/auth/user_access'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { recordDisposalOutcome } from '../../disposal/services/outcomes_api.js'
import { enqueuePostings } from '../postings/posting_service.js'
import { ITEMS, PLANS, itemRows, planRow } from './plan_store.js'
import { releaseSubjects } from './plan_service.js'
import { WriteOffError } from './write_off_error.js'

const NUMBERS = 'write_off_reply_numbers'

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

export async function issueReply(access: UserAccess, planId: number, input: ReplyInput) {
  await planRow(access, planId)
  return db.transaction(async (trx) => {
    const plan = await trx.from(PLANS).where('id', planId).forUpdate().first()
    if (plan.status !== 'approved')
      throw new WriteOffError(409, `核销方案 ${plan.plan_no} 不是待批复状态，不能下发批复`)
    const replyNo = await nextReplyNo(trx, Number(input.repliedOn.slice(0, 4)))
    await trx.from(PLANS).where('id', planId).update({
      status: 'replied',
      reply_no: replyNo,
      replied_on: input.repliedOn,
      replied_by: access.user.id,
      reply_text: input.replyText,
      updated_at: dbNow(),
    })
    const items = await itemRows(planId, trx)
    await trx.from(ITEMS).where('plan_id', planId).update({ written_off_on: input.repliedOn })
    const reason = `核销 ${replyNo}`
    for (const item of items) {
      if (item.subject_kind === 'loan') {
        await bookWriter.changeLoanStatus(trx, {
          loanId: Number(item.subject_id),
          status: 'written_off',
          reason,
          businessDate: input.repliedOn,
          operatorId: access.user.id,
        })
        const interest = Money.fromFen(item.on_balance_interest_fen).plus(
          Money.fromFen(item.off_balance_interest_fen)
        )
        const principal = Money.fromFen(item.principal_fen)
        await recordDisposalOutcome(trx, {
          loanIds: [Number(item.subject_id)],
          method: 'write_off',
          completedOn: input.repliedOn,
          writtenOff: principal.plus(interest).toYuan(),
          // 压降 is the balance: the loan's principal leaves the books.
          balanceReduced: principal.toYuan(),
          sourcePlugin: 'write-off',
          sourceRef: `item:${item.id}`,
          sourceLink: `/p/write-off/Replies?id=${planId}`,
          operatorId: access.user.id,
        })
      } else {
        await bookWriter.changeCardAccountStatus(trx, {
          accountId: Number(item.subject_id),
          status: 'written_off',
          reason,
          businessDate: input.repliedOn,
        })
      }
    }
    const postings = await enqueuePostings(trx, { id: planId, replyNo }, items)
    await releaseSubjects(trx, planId)
    return { replyNo, postings }
  })
}
