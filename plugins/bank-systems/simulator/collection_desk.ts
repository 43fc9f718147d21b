/*
| 智能催收 as the simulator plays it: items we start arrive through the outbox
| (POST /collection/items with an Idempotency-Key); each key is applied once —
| a repeat answers the first task number with `duplicate: true` — and each item
| produces one 催收记录 at once, with the proof its method leaves (送达回证 for a
| letter, 通话录音 for a call …), which /items/records/query hands back by item.
| A test proves exactly-once by `stats().applied` per key.
*/
import { Ledger } from './ledger.js'
import { factsFor } from './random.js'
import { personName } from './bank_rows.js'

const METHODS = ['phone', 'letter', 'visit', 'lawyer_letter', 'announcement'] as const
type Method = (typeof METHODS)[number]

const PROOF: Record<Method, { kind: string; title: string; result: string }> = {
  phone: { kind: 'call_recording', title: '催收通话录音', result: '本人接听，确认欠款并承诺还款' },
  letter: { kind: 'delivery_receipt', title: '催收函邮寄送达回执', result: '催收函已签收' },
  visit: {
    kind: 'signed_notice',
    title: '上门催收通知书（债务人签字）',
    result: '上门面谈，债务人签收催收通知',
  },
  lawyer_letter: { kind: 'delivery_receipt', title: '律师函送达回执', result: '律师函已送达' },
  announcement: { kind: 'announcement', title: '报纸催收公告报样', result: '催收公告已刊登' },
}

export interface DeskRecord {
  recordNo: string
  itemRef: string
  collectedOn: string
  method: Method
  collector: string
  result: string
  proof: { kind: string; docNo: string; title: string }
  promisedAmountFen: string | null
}

export class CollectionDesk {
  #records: DeskRecord[] = []
  ledger: Ledger<{ itemRef: string; taskNo: string }>

  constructor(private today: () => Promise<string>) {
    this.ledger = this.#newLedger()
  }

  #newLedger() {
    return new Ledger((key, body: any, n) => {
      const method = body.method as Method
      const r = factsFor('collection-item', key)
      const taskNo = `CS${String(n).padStart(8, '0')}`
      const proof = PROOF[method]
      this.#pending.push({
        recordNo: `CR${String(n).padStart(8, '0')}`,
        itemRef: String(body.itemRef),
        collectedOn: '',
        method,
        collector: personName(r),
        result: proof.result,
        proof: { kind: proof.kind, docNo: `PF-${taskNo}`, title: proof.title },
        promisedAmountFen: null,
      })
      return { itemRef: String(body.itemRef), taskNo }
    })
  }

  #pending: DeskRecord[] = []

  /** Validates an item; a message for a 400, or null. */
  refuse(body: any): string | null {
    if (!body?.itemRef || !body?.customerNo) return 'itemRef、customerNo 必填'
    if (!METHODS.includes(body.method)) return 'method 不支持'
    if (!Array.isArray(body.loanNos)) return 'loanNos 必须为数组'
    return null
  }

  async records(itemRefs: string[]) {
    if (this.#pending.length) {
      const today = await this.today()
      for (const p of this.#pending.splice(0)) this.#records.push({ ...p, collectedOn: today })
    }
    const wanted = new Set(itemRefs.map(String))
    return this.#records.filter((r) => wanted.has(r.itemRef))
  }

  reset() {
    this.#records = []
    this.#pending = []
    this.ledger = this.#newLedger()
  }
}
