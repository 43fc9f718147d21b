/* 影像平台/电子档案 over HTTP. */
import type { ImagingAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

export const httpImaging: ImagingAdapter = {
  async documents(customerNo) {
    const rows = await esbCall<any[]>('imaging', 'documents', { customerNo })
    return rows.map((r) => ({
      docNo: r.docNo,
      title: r.title,
      kind: r.kind,
      uploadedOn: r.uploadedOn,
      url: r.url,
    }))
  },
  async upload({ key, ...file }) {
    const r = await esbCall<any>('imaging', 'upload', file, { idempotencyKey: key })
    return { docNo: r.docNo, url: r.url }
  },
}
