/*
| 影像平台 · 资料信息维护 (metadata of a filed document): `POST /documents/metadata`
| { docNo, title, kind, remark } with an Idempotency-Key — applied once per key
| (a retry or a duplicated delivery answers the first acknowledgement). The
| platform keeps the latest metadata per document; a test or demo reads them at
|   GET /__sim/imaging/metadata   { stats, documents: { <docNo>: { title, kind, remark } } }
| Hooked into server.ts by `route` and `control`; emptied by `reset`.
*/
import { Ledger } from './ledger.js'

interface Reply {
  status: number
  body: unknown
}
const envelope = (retCode: string, retMsg: string, data: unknown) => ({ retCode, retMsg, data })

export class ImagingMetadata {
  #latest = new Map<string, { title: string; kind: string; remark: string | null }>()
  #ledger = this.#newLedger()

  #newLedger() {
    return new Ledger((_key, body: any, n) => {
      this.#latest.set(String(body.docNo), {
        title: String(body.title),
        kind: String(body.kind ?? ''),
        remark: body.remark ?? null,
      })
      return { docNo: String(body.docNo), revision: n }
    })
  }

  reset() {
    this.#latest.clear()
    this.#ledger = this.#newLedger()
  }

  route(system: string, method: string, path: string, body: any, key?: string): Reply | null {
    if (`${system} ${method} ${path}` !== 'imaging POST /documents/metadata') return null
    if (!key) return { status: 400, body: envelope('4000', '缺少 Idempotency-Key', null) }
    if (typeof body?.docNo !== 'string' || !body.docNo || typeof body?.title !== 'string')
      return { status: 400, body: envelope('4000', 'docNo、title 必填', null) }
    return { status: 200, body: envelope('0000', '成功', this.#ledger.apply(key, body)) }
  }

  control(method: string, path: string): Reply | null {
    if (method !== 'GET' || path !== '/__sim/imaging/metadata') return null
    return {
      status: 200,
      body: { stats: this.#ledger.stats(), documents: Object.fromEntries(this.#latest) },
    }
  }
}
