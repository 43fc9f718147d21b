/*
| Defect 5 (issue 12): `</style>` in the bank name setting, an org name or the
| user's real name closed the print window's style block and ran script. The
| real LedgerPrintDialog is mounted, fed hostile names by a fake server, and
| prints into a fresh document standing in for the pop-up window.
*/
import { describe, expect, it, vi } from 'vitest'
import LedgerPrintDialog from '@/areas/ledgers/components/LedgerPrintDialog.vue'
import { fillPrintDocument } from '@/areas/ledgers/components/print-window'
import { cssString } from '@/areas/ledgers/components/ledgerQuery'
import { fakeServer, flushPromises, mountInConsole, signedInAs } from '../../../../tests/helpers'

const BREAKOUT = `</style><script>window.__xss=1</script><img src=x onerror="window.__xss=2">`
const definition = {
  id: 'credit-assets:loans',
  name: { zh: `贷款台账${BREAKOUT}`, en: 'Loans' },
  asOf: false,
  canExport: false,
  defaultSort: null,
  columns: [
    {
      key: 'customerName',
      label: { zh: '客户', en: 'Customer' },
      type: 'text',
      dict: null,
      sortable: false,
      total: false,
      visible: true,
      width: null,
    },
  ],
  filters: [],
  orgs: [],
  asOfDates: null,
}

function popup() {
  const doc = document.implementation.createHTMLDocument('')
  const win = { document: doc, focus: vi.fn(), print: vi.fn() }
  vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window)
  return win
}

describe('security: the ledger print window is built from text (defect 5)', () => {
  it('hostile bank, org, user and cell texts stay text in the print window', async () => {
    fakeServer(({ path }) =>
      path.endsWith('/print')
        ? {
            status: 200,
            body: {
              data: [{ customerName: BREAKOUT }],
              meta: { total: 1, totals: {} },
              header: {
                bankName: `示范银行${BREAKOUT}`,
                orgName: `北京分行${BREAKOUT}`,
                userName: `张三${BREAKOUT}`,
                printedAt: '2026-12-07 12:00',
              },
              truncated: false,
            },
          }
        : undefined
    )
    const wrapper = mountInConsole(LedgerPrintDialog, signedInAs(['*']), {
      props: {
        definition: definition as any,
        columns: definition.columns as any,
        query: () => ({}),
      },
    })
    await (wrapper.vm as any).open()
    await flushPromises()
    const win = popup()
    ;(document.querySelector('[data-testid="ledger-print-now"]') as HTMLElement).click()
    await flushPromises()

    const doc = win.document
    expect(win.print).toHaveBeenCalledOnce()
    expect(doc.querySelectorAll('script, img').length).toBe(0)
    expect(doc.title).toBe(`贷款台账${BREAKOUT}`)
    const sheet = doc.querySelector('[data-testid="ledger-print-sheet"]')!
    expect(sheet.querySelector('h1')!.textContent).toContain(`示范银行${BREAKOUT}`)
    expect(sheet.textContent).toContain(`北京分行${BREAKOUT}`)
    expect(sheet.textContent).toContain(`张三${BREAKOUT}`)
    // The page header holds the names inside CSS strings, with < and > as CSS escapes.
    const css = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('')
    expect(css).toContain('@page')
    expect(css).not.toContain('</style>')
    expect(css).toContain('张三\\3c /style\\3e ')
    expect((window as any).__xss).toBeUndefined()
    wrapper.unmount()
  })

  it('fills a document with DOM calls only', () => {
    const doc = document.implementation.createHTMLDocument('')
    const content = document.createElement('div')
    content.textContent = BREAKOUT
    fillPrintDocument(doc, {
      title: BREAKOUT,
      css: `body{content:${cssString(BREAKOUT)}}`,
      content,
    })
    expect(doc.querySelectorAll('script, img').length).toBe(0)
    expect(doc.body.textContent).toBe(BREAKOUT)
    expect(doc.head.querySelector('style')!.textContent).not.toContain('<')
  })
})
