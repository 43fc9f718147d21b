/*
| The print window, built with DOM calls only (issue 12, defect 5). The old code
| wrote one HTML string into the window, so `</style>` in a bank, org or user name
| closed the style block and the rest ran as script in the console's origin.
| Here nothing is parsed as HTML: the title is text, the CSS is a style sheet's
| text, and the body is a clone of the preview that Vue rendered from text nodes.
*/

/** Puts title, CSS and a copy of `content` into `doc` (a fresh about:blank document). */
export function fillPrintDocument(
  doc: Document,
  page: { title: string; css: string; content: HTMLElement; lang?: string }
): void {
  doc.documentElement.lang = page.lang ?? 'zh-CN'
  doc.head.replaceChildren()
  const charset = doc.createElement('meta')
  charset.setAttribute('charset', 'utf-8')
  doc.head.append(charset)
  doc.title = page.title
  adoptCss(doc, page.css)
  doc.body.replaceChildren(doc.importNode(page.content, true))
}

/*
| A constructed style sheet is CSSOM, so it needs no 'unsafe-inline' in the
| Content-Security-Policy the window inherits from the console. A <style> whose
| text is set with textContent is the fallback for browsers without it.
*/
function adoptCss(doc: Document, css: string): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null
  const Sheet = view?.CSSStyleSheet
  if (Sheet && 'adoptedStyleSheets' in doc && 'replaceSync' in Sheet.prototype) {
    const sheet = new Sheet()
    sheet.replaceSync(css)
    doc.adoptedStyleSheets = [sheet]
    return
  }
  const style = doc.createElement('style')
  style.textContent = css
  doc.head.append(style)
}

/** Opens the print window (in the click's own turn, or it is blocked as a pop-up) and prints. */
export function printInWindow(page: { title: string; css: string; content: HTMLElement }): boolean {
  const win = window.open('', '_blank', 'width=1123,height=794')
  if (!win) return false
  fillPrintDocument(win.document, page)
  win.focus()
  win.print()
  return true
}
