/*
| 打印 of a list: the shown columns and the rows on screen as a plain table built
| with DOM calls (text nodes only — no HTML from strings), printed through the
| ledgers' print window (fillPrintDocument).
*/
import { printInWindow } from '@/areas/ledgers/components/print-window'

export interface PrintSheet {
  title: string
  subtitle?: string
  headers: string[]
  rows: string[][]
  /** Right-aligned columns (money, numbers). */
  right?: boolean[]
}

export const PRINT_CSS = `
body { font-family: "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; font-size: 12px; margin: 16px; }
h1 { font-size: 16px; text-align: center; margin: 0 0 4px; }
p { text-align: center; color: #666; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 4px 6px; }
th { background: #f2f3f5; }
td.right { text-align: right; }
`

/** The sheet as a detached element (text only). */
export function buildPrintTable(sheet: PrintSheet, doc: Document = document): HTMLElement {
  const root = doc.createElement('div')
  const h1 = doc.createElement('h1')
  h1.textContent = sheet.title
  root.append(h1)
  if (sheet.subtitle) {
    const p = doc.createElement('p')
    p.textContent = sheet.subtitle
    root.append(p)
  }
  const table = doc.createElement('table')
  const head = table.createTHead().insertRow()
  for (const text of sheet.headers) {
    const th = doc.createElement('th')
    th.textContent = text
    head.append(th)
  }
  const body = table.createTBody()
  for (const row of sheet.rows) {
    const tr = body.insertRow()
    row.forEach((text, i) => {
      const td = tr.insertCell()
      td.textContent = text
      if (sheet.right?.[i]) td.className = 'right'
    })
  }
  root.append(table)
  return root
}

export function printSheet(sheet: PrintSheet): boolean {
  return printInWindow({ title: sheet.title, css: PRINT_CSS, content: buildPrintTable(sheet) })
}
