/*
| A saved document version → PDF (the core's headless Chromium). The body is the
| sanitised HTML of that version; the page around it is ours (A4, 宋体 first,
| the title centred), so the print looks like a court filing.
*/
import { htmlToPdf } from '#core/documents/pdf'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The printable page; `body` must be sanitised HTML (it is only ever a stored version). */
export function documentPage(title: string, body: string) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif; font-size: 12pt; line-height: 1.9; color: #000; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 0.3em; margin: 0 0 1em; }
h2 { font-size: 13pt; margin: 0.8em 0 0.3em; }
p { margin: 0.2em 0; text-indent: 2em; }
p[style*="right"] { text-indent: 0; }
ol, ul { margin: 0.2em 0 0.2em 2em; padding: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #333; padding: 4px 6px; }
</style></head><body>${body}</body></html>`
}

export function documentPdf(title: string, html: string) {
  return htmlToPdf(documentPage(title, html), { footer: title })
}
