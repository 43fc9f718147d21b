/*
| 批量检查 run (job inspections:run-batch): the batch goes to 智能贷后 as ONE
| submission per round, then its results are polled and matched per customer by
| the item key `<batch no>-<customer no>`.
|
| Exactly once: 智能贷后 checks each item key once (a repeat of a queued or done
| key is ignored) and dedupes the submission by its key `<batch no>:r<round>`.
| A submission that failed in transit is sent again with the SAME key (so if it
| did arrive, nothing doubles); only items 智能贷后 reported FAILED are sent again,
| in a new round, up to MAX_ATTEMPTS each. Our rows move pending → submitted →
| done / retry → … / failed; a job that dies midway is simply run again (重新执行):
| every step is safe to repeat. Progress = finished customers / total.
*/
import db from '@adonisjs/lucid/services/db'
import { notify } from '#core/messages/notify'
import { dbNow } from '#core/db/db_time'
import { bankSystems } from '../../bank-systems/adapters/index.js'

export const MAX_ATTEMPTS = 3

export interface RunOptions {
  /** Wait between polls (ms). */
  pollMs?: number
  /** Give up (batch 未完成, can be run again) after this many polls without completion. */
  maxPolls?: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
export const itemKey = (batchNo: string, customerNo: string) => `${batchNo}-${customerNo}`

async function counts(batchId: number) {
  const rows = await db
    .from('insp_batch_items')
    .where('batch_id', batchId)
    .groupBy('status')
    .select('status')
    .count('* as n')
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>
  return {
    done: by.done ?? 0,
    failed: by.failed ?? 0,
    open: (by.pending ?? 0) + (by.submitted ?? 0) + (by.retry ?? 0),
    toSend: (by.pending ?? 0) + (by.retry ?? 0),
  }
}

/** Sends the pending and retry items in one submission; false when it failed in transit. */
async function submit(batch: any, items: string[]) {
  const rows = await db
    .from('insp_batch_items')
    .where('batch_id', batch.id)
    .whereIn('status', ['pending', 'retry'])
    .select('id', 'customer_no', 'status')
  if (!rows.length) return true
  let round = Number(batch.round)
  if (rows.some((r) => r.status === 'retry')) {
    // Failed checks go again in a new round (a new submission key): move them all to pending first.
    round++
    await db.transaction(async (trx) => {
      await trx.from('insp_batches').where('id', batch.id).update({ round, updated_at: dbNow() })
      await trx
        .from('insp_batch_items')
        .where('batch_id', batch.id)
        .where('status', 'retry')
        .update({ status: 'pending' })
    })
    batch.round = round
  }
  try {
    await bankSystems.postLoan.submitBatch({
      batchNo: batch.batch_no,
      key: `${batch.batch_no}:r${round}`,
      items: rows.map((r) => ({
        key: itemKey(batch.batch_no, r.customer_no),
        customerNo: r.customer_no,
        checkItems: items,
      })),
    })
  } catch (error) {
    await db
      .from('insp_batches')
      .where('id', batch.id)
      .update({ last_error: String((error as Error).message).slice(0, 300), updated_at: dbNow() })
    return false
  }
  const ids = rows.map((r) => r.id)
  await db.transaction(async (trx) => {
    const sent = () =>
      trx
        .from('insp_batch_items')
        .where('batch_id', batch.id)
        .where('status', 'pending')
        .whereIn('id', ids)
    await sent().increment('attempts', 1)
    await sent().update({ status: 'submitted' })
  })
  return true
}

/** Polls 智能贷后 and matches each finished check to its customer (only rows still submitted change). */
async function collect(batch: any) {
  let results
  try {
    results = await bankSystems.postLoan.batchResults(batch.batch_no)
  } catch (error) {
    await db
      .from('insp_batches')
      .where('id', batch.id)
      .update({ last_error: String((error as Error).message).slice(0, 300), updated_at: dbNow() })
    return
  }
  const open = await db
    .from('insp_batch_items')
    .where('batch_id', batch.id)
    .where('status', 'submitted')
    .select('id', 'customer_no', 'attempts')
  const byKey = new Map(open.map((r) => [itemKey(batch.batch_no, r.customer_no), r]))
  await db.transaction(async (trx) => {
    for (const r of results) {
      const row = byKey.get(r.key)
      if (!row) continue
      if (r.status === 'done')
        await trx
          .from('insp_batch_items')
          .where('id', row.id)
          .update({
            status: 'done',
            finding: r.finding,
            conclusion: r.conclusion?.slice(0, 500) ?? null,
            inspector: r.inspector?.slice(0, 64) ?? null,
            checked_on: r.checkedOn,
            error: null,
          })
      else
        await trx
          .from('insp_batch_items')
          .where('id', row.id)
          .update({
            status: Number(row.attempts) >= MAX_ATTEMPTS ? 'failed' : 'retry',
            error: r.error?.slice(0, 200) ?? '检查失败',
          })
    }
  })
}

export async function runBatch(
  batchId: number,
  options: RunOptions = {},
  progress: (percent: number, message?: string) => Promise<void> = async () => {}
) {
  const batch = await db.from('insp_batches').where('id', batchId).first()
  if (!batch) throw new Error(`inspection batch ${batchId} not found`)
  const items = JSON.parse(batch.items) as string[]
  const pollMs = options.pollMs ?? 1000
  const maxPolls = options.maxPolls ?? 600
  await db
    .from('insp_batches')
    .where('id', batchId)
    .update({ status: 'running', updated_at: dbNow() })
  let polls = 0
  let state = await counts(batchId)
  while (state.open > 0 && polls < maxPolls) {
    if (state.toSend > 0) await submit(batch, items)
    await collect(batch)
    polls++
    state = await counts(batchId)
    await db.from('insp_batches').where('id', batchId).update({
      done: state.done,
      failed: state.failed,
      updated_at: dbNow(),
    })
    const finished = state.done + state.failed
    await progress(
      Math.floor((100 * finished) / Number(batch.total)),
      `已完成 ${state.done} 户，失败 ${state.failed} 户，处理中 ${state.open} 户`
    )
    if (state.open > 0 && pollMs) await sleep(pollMs)
  }
  const status = state.open > 0 ? 'incomplete' : 'completed'
  await db.transaction(async (trx) => {
    await trx
      .from('insp_batches')
      .where('id', batchId)
      .update({ status, done: state.done, failed: state.failed, updated_at: dbNow() })
    // 风险 findings are told to whoever started the batch, with the link to its customers.
    const risky = await trx
      .from('insp_batch_items')
      .where('batch_id', batchId)
      .where('finding', 'risk')
      .count('* as n')
      .first()
    if (Number(risky?.n))
      await notify(
        {
          type: 'inspections.finding',
          userIds: [Number(batch.created_by)],
          title: `批量检查 ${batch.batch_no}：${Number(risky.n)} 户检查结论为风险`,
          link: `/p/inspections/Batches?id=${batchId}`,
        },
        { trx }
      )
  })
  await progress(
    100,
    `批量检查${status === 'completed' ? '完成' : '未完成'}：成功 ${state.done} 户，失败 ${state.failed} 户`
  )
  return { status, done: state.done, failed: state.failed, open: state.open }
}
