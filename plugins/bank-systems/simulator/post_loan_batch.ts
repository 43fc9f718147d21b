/*
| 智能贷后 批量检查 as the simulator plays it (日常检查 of individual and online-loan
| customers, thousands at a time):
|
|   POST /post-loan/batch-checks  { batchNo, items: [{ key, customerNo, checkItems }] }
|        with an Idempotency-Key for the submission. A repeated submission key
|        answers the first acknowledgement (`duplicate: true`) and changes nothing.
|        Each item key is checked once: an item already queued or done is ignored
|        (counted as a duplicate); only an item whose check FAILED is queued again.
|   POST /post-loan/batch-checks/results/query  { batchNo }
|        the results so far, per item key. Checks finish asynchronously: each query
|        completes at most `perPoll` queued items (so a 1,000-customer batch takes a
|        few polls), and `itemFailureRate` of them fail (客户信息不完整, 核查超时 …)
|        and wait to be submitted again.
|
| Control: POST /__sim/post-loan/batch { itemFailureRate?, perPoll? }; GET the same
| path → stats(). `checksPerKey` counts the SUCCESSFUL checks per item key: a test
| proves exactly-once by every value being 1.
*/
import { Prng } from '#core/demo/prng'
import { factsFor } from './random.js'
import { personName } from './bank_rows.js'

type Reply = { status: number; body: unknown; replay?: () => unknown }
type ItemState = 'queued' | 'done' | 'failed'

interface DeskItem {
  key: string
  batchNo: string
  customerNo: string
  checkItems: string[]
  state: ItemState
  attempt: number
  result: Record<string, unknown> | null
}

const ok = (data: unknown) => ({ retCode: '0000', retMsg: '成功', data })
const bad = (message: string): Reply => ({
  status: 400,
  body: { retCode: '4000', retMsg: message, data: null },
})
const FAILURES = ['客户信息不完整（模拟）', '核查超时（模拟）', '送达地址无法核实（模拟）']
const CONCLUSIONS = {
  normal: ['经营及收入稳定，还款意愿良好', '联系正常，地址核实无误'],
  attention: ['收入下降，还款意愿一般，需持续关注', '送达地址变更，已更新联系方式'],
  risk: ['失联或拒绝沟通，还款意愿差，建议下调分类', '收入来源中断，建议启动清收'],
}

export class PostLoanBatchDesk {
  itemFailureRate = 0
  perPoll = 400
  #items = new Map<string, DeskItem>()
  #submissions = new Map<string, { batchNo: string; accepted: number; duplicates: number }>()
  #checks = new Map<string, number>()
  #counts = { submissions: 0, submissionsRefused: 0, itemDuplicates: 0, failures: 0 }
  #dice = new Prng(20261207)

  constructor(private today: () => Promise<string>) {}

  /** The business endpoints; null when the path is not ours. */
  async route(method: string, path: string, body: any, key?: string): Promise<Reply | null> {
    if (method === 'POST' && path === '/batch-checks') return this.#submit(body, key)
    if (method === 'POST' && path === '/batch-checks/results/query') {
      if (!body?.batchNo) return bad('batchNo 必填')
      return { status: 200, body: ok(await this.#results(String(body.batchNo))) }
    }
    return null
  }

  #submit(body: any, key?: string): Reply {
    if (!key) return bad('缺少 Idempotency-Key')
    if (!body?.batchNo || !Array.isArray(body.items)) return bad('batchNo、items 必填')
    if (body.items.length < 1 || body.items.length > 10_000) return bad('items 须为 1–10000 条')
    for (const item of body.items)
      if (!item?.key || !item?.customerNo || !Array.isArray(item.checkItems))
        return bad('每条须有 key、customerNo、checkItems')
    const apply = () => {
      this.#counts.submissions++
      const first = this.#submissions.get(key)
      if (first) {
        this.#counts.submissionsRefused++
        return { ...first, duplicate: true }
      }
      let accepted = 0
      let duplicates = 0
      for (const item of body.items) {
        const known = this.#items.get(String(item.key))
        if (known && known.state !== 'failed') {
          duplicates++
          continue
        }
        accepted++
        this.#items.set(String(item.key), {
          key: String(item.key),
          batchNo: String(body.batchNo),
          customerNo: String(item.customerNo),
          checkItems: item.checkItems.map(String),
          state: 'queued',
          attempt: (known?.attempt ?? 0) + 1,
          result: null,
        })
      }
      this.#counts.itemDuplicates += duplicates
      const ack = { batchNo: String(body.batchNo), accepted, duplicates }
      this.#submissions.set(key, ack)
      return { ...ack, duplicate: false }
    }
    return { status: 200, body: ok(apply()), replay: apply }
  }

  async #results(batchNo: string) {
    const today = await this.today()
    let budget = this.perPoll
    for (const item of this.#items.values()) {
      if (item.batchNo !== batchNo || item.state !== 'queued') continue
      if (budget-- <= 0) break
      if (this.#dice.next() < this.itemFailureRate) {
        this.#counts.failures++
        item.state = 'failed'
        item.result = { error: FAILURES[item.attempt % FAILURES.length] }
        continue
      }
      item.state = 'done'
      this.#checks.set(item.key, (this.#checks.get(item.key) ?? 0) + 1)
      const r = factsFor('post-loan-batch', item.customerNo)
      const finding = r.weighted([
        ['normal', 70],
        ['attention', 22],
        ['risk', 8],
      ] as const)
      item.result = {
        checkedOn: today,
        finding,
        conclusion: r.pick(CONCLUSIONS[finding]),
        inspector: personName(r),
      }
    }
    return [...this.#items.values()]
      .filter((i) => i.batchNo === batchNo && i.state !== 'queued')
      .map((i) => ({
        key: i.key,
        customerNo: i.customerNo,
        status: i.state,
        attempt: i.attempt,
        ...i.result,
      }))
  }

  /** POST/GET /__sim/post-loan/batch; null when the path is not ours. */
  control(method: string, path: string, body: any): Reply | null {
    if (path !== '/__sim/post-loan/batch') return null
    if (method === 'GET') return { status: 200, body: this.stats() }
    const rate = body?.itemFailureRate
    const perPoll = body?.perPoll
    if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1))
      return { status: 400, body: { message: 'itemFailureRate must be 0..1' } }
    if (perPoll !== undefined && !(Number.isSafeInteger(perPoll) && perPoll > 0))
      return { status: 400, body: { message: 'perPoll must be a positive integer' } }
    this.configure({ itemFailureRate: rate, perPoll })
    return { status: 200, body: { itemFailureRate: this.itemFailureRate, perPoll: this.perPoll } }
  }

  configure(knobs: { itemFailureRate?: number; perPoll?: number }) {
    if (knobs.itemFailureRate !== undefined) this.itemFailureRate = knobs.itemFailureRate
    if (knobs.perPoll !== undefined) this.perPoll = knobs.perPoll
  }

  stats() {
    return {
      ...this.#counts,
      items: this.#items.size,
      done: [...this.#items.values()].filter((i) => i.state === 'done').length,
      checksPerKey: Object.fromEntries(this.#checks),
    }
  }

  reset() {
    this.itemFailureRate = 0
    this.perPoll = 400
    this.#items.clear()
    this.#submissions.clear()
    this.#checks.clear()
    this.#counts = { submissions: 0, submissionsRefused: 0, itemDuplicates: 0, failures: 0 }
    this.#dice = new Prng(20261207)
  }
}
