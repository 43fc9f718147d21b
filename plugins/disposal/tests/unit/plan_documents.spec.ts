import { test } from '@japa/runner'
import { formatYuan } from '#core/documents/helpers'
import { DocumentTemplateError, renderDocumentHtml } from '#core/documents/templates'
import { htmlToPdf } from '#core/documents/pdf'
import { percentOf } from '../../plans/plan_document.js'

/*
| The core document service through the disposal plugin's declared templates:
| values are HTML-escaped, unknown templates are refused, amounts are
| formatted from their digits (never a float).
*/
test.group('disposal: plan documents', () => {
  test('a plan value cannot inject markup into the 审批表', async ({ assert }) => {
    const { html } = await renderDocumentHtml({
      plugin: 'disposal',
      template: 'plan',
      data: {
        plan: {
          planNo: 'CZYA1',
          customerName: '<script>alert(1)</script>恒远',
          reasons: '"a" & \'b\'',
        },
        loans: [],
        sections: [],
        opinions: [],
      },
    })
    assert.notInclude(html, '<script>alert(1)</script>')
    assert.include(html, '&lt;script&gt;alert(1)&lt;/script&gt;恒远')
    assert.include(html, '&quot;a&quot; &amp; &#x27;b&#x27;')
  })

  test('a template the plugin does not declare, or a plugin that is not enabled, is refused', async ({
    assert,
  }) => {
    await assert.rejects(
      () => renderDocumentHtml({ plugin: 'disposal', template: '../../package', data: {} }),
      DocumentTemplateError
    )
    await assert.rejects(
      () => renderDocumentHtml({ plugin: 'no-such-plugin', template: 'plan', data: {} }),
      DocumentTemplateError
    )
  })

  test('amounts print exactly; the recovery rate rounds half-up', ({ assert }) => {
    assert.equal(formatYuan('9007199254740993.1'), '9,007,199,254,740,993.10')
    assert.equal(formatYuan('-1234.5'), '-1,234.50')
    assert.equal(formatYuan('0'), '0.00')
    assert.equal(percentOf('1.00', '3.00'), '33.33%')
    assert.equal(percentOf('2.00', '3.00'), '66.67%')
    assert.equal(percentOf('1.00', '0.00'), '—')
    assert.equal(percentOf('880000.50', '16343987.62'), '5.38%')
  })

  test('more documents than browser pages at once all print (they queue for the shared browser)', async ({
    assert,
  }) => {
    const pdfs = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        htmlToPdf(`<h1>处置预案 ${i}</h1>`, { footer: `No.${i}` })
      )
    )
    for (const pdf of pdfs) assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
  }).timeout(60_000)
})
