/*
| 文书 PDF: a plugin's Handlebars template rendered to HTML, printed by the
| shared headless Chromium. Plugins call
|
|   import { renderPdf } from '#core/documents/pdf'
|   const pdf = await renderPdf({ plugin: 'disposal', template: 'plan', data })
|   return ctx.response.header('content-type', 'application/pdf').send(pdf)
|
| A render that takes longer than RENDER_TIMEOUT_MS fails with DocumentTimeout
| instead of holding the request.
*/
import { renderDocumentHtml } from './templates.js'
import { withDocumentPage } from './browser.js'

export { renderDocumentHtml } from './templates.js'
export { DocumentTemplateError } from './templates.js'

const RENDER_TIMEOUT_MS = 30_000

export class DocumentTimeout extends Error {}

export interface PdfOptions {
  /** A4 portrait by default; registers and ledgers print landscape. */
  landscape?: boolean
  /** Text in the page footer beside the page numbers (e.g. the document number). */
  footer?: string
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DocumentTimeout(`PDF not rendered in ${ms} ms`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/** Prints HTML to a PDF buffer. The HTML must already be safe (escaped by the template). */
export function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  return withTimeout(
    withDocumentPage(async (context) => {
      const page = await context.newPage()
      page.setDefaultTimeout(RENDER_TIMEOUT_MS)
      await page.setContent(html, { waitUntil: 'load' })
      const footer = options.footer ? `${escapeHtml(options.footer)}&nbsp;&nbsp;` : ''
      return page.pdf({
        format: 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#666">${footer}第 <span class="pageNumber"></span> / <span class="totalPages"></span> 页</div>`,
        margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      })
    }),
    RENDER_TIMEOUT_MS
  )
}

/** Renders a plugin's declared template with `data` and prints it to PDF. */
export async function renderPdf(input: {
  plugin: string
  template: string
  data: Record<string, unknown>
  options?: PdfOptions
}): Promise<Buffer> {
  const { html, definition } = await renderDocumentHtml(input)
  return htmlToPdf(html, { landscape: definition.landscape === true, ...input.options })
}
