import { test } from '@japa/runner'
// parse5 is the WHATWG HTML parser (jsdom's, a devDependency): we check the output
// as a browser would build it from v-html, not as the sanitiser's own parser sees it.
import { parseFragment } from 'parse5'
import { safeLinkHref, sanitizeHtmlContent } from '#core/notices/sanitize_html'

/*
| Stored XSS through notices: a catalogue of real payloads in the spirit of the
| OWASP XSS filter evasion cheat sheet. Each must come out as markup in which a
| browser finds only allow-listed elements and attributes, no script-bearing
| URL and no unsafe style — and sanitising again changes nothing.
*/
const PAYLOADS: Array<[name: string, html: string]> = [
  ['script tag', '<script>alert(1)</script>'],
  ['external script, upper case', '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['img javascript src', `<IMG SRC="javascript:alert('XSS');">`],
  ['img mixed-case scheme', `<IMG SRC=JaVaScRiPt:alert('XSS')>`],
  [
    'img decimal-entity scheme',
    '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  ],
  ['svg onload', '<svg onload=alert(1)>'],
  ['svg with script', '<svg><script>alert(1)</script></svg>'],
  ['svg link with xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  [
    'math namespace confusion (mXSS)',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  ],
  ['a javascript:', '<a href="javascript:alert(1)">x</a>'],
  ['a mixed-case javascript:', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['a tab entity inside the scheme', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['a newline entity inside the scheme', '<a href="jav&#x0A;ascript:alert(1)">x</a>'],
  ['a carriage return inside the scheme', '<a href="jav&#x0D;ascript:alert(1)">x</a>'],
  ['a named tab entity', '<a href="java&Tab;script:alert(1)">x</a>'],
  ['a named colon entity', '<a href="javascript&colon;alert(1)">x</a>'],
  ['a leading control characters and spaces', '<a href=" &#14;  javascript:alert(1)">x</a>'],
  ['a entity-encoded first letter', '<a href="&#106;avascript:alert(1)">x</a>'],
  [
    'a zero-padded decimal entities',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">x</a>',
  ],
  [
    'a hex entities without semicolons',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29">x</a>',
  ],
  ['a data: URL', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['a vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
  ['a protocol-relative URL', '<a href="//evil.example/x">x</a>'],
  ['a relative URL', '<a href="/api/auth/logout">x</a>'],
  ['a with xlink:href', '<a xlink:href="javascript:alert(1)">x</a>'],
  [
    'a with handler and opener',
    '<a href="https://ok.example" onclick="alert(1)" target="_self" rel="opener">x</a>',
  ],
  ['nested script tags', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['doubled angle brackets', '<<script>script>alert(1)<</script>/script>'],
  ['style expression()', `<p style="width: expression(alert('XSS'));">x</p>`],
  ['style url(javascript:)', '<p style="background-image: url(javascript:alert(1))">x</p>'],
  ['style behavior', '<span style="color: red; behavior: url(xss.htc)">x</span>'],
  ['style escaped expression', '<span style="color:e\\xpression(alert(1))">x</span>'],
  ['style colour with url()', '<span style="background-color: url(javascript:alert(1))">x</span>'],
  [
    'style on a disallowed tag',
    '<div style="background:url(&quot;javascript:alert(1)&quot;)">x</div>',
  ],
  [
    'style positioning (clickjacking overlay)',
    '<p style="position:fixed;top:0;left:0;width:100%;text-align:center">x</p>',
  ],
  ['style tag with import', `<style>@import 'http://xss.rocks/xss.css';</style>`],
  ['iframe', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
  [
    'object and embed',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  ],
  ['body onload', '<body onload=alert(1)>'],
  [
    'form elements',
    '<form action="javascript:alert(1)"><input type=submit><button formaction=javascript:alert(1)>go</button></form>',
  ],
  ['input autofocus', '<input onfocus=alert(1) autofocus>'],
  ['details ontoggle', '<details open ontoggle=alert(1)>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['link stylesheet', '<link rel=stylesheet href="javascript:alert(1)">'],
  ['base href', '<base href="javascript:alert(1)//">'],
  ['paragraph handler', '<p onmouseover="alert(1)">hover</p>'],
  [
    'table background',
    '<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">x</td></tr></table>',
  ],
  [
    'noscript attribute break-out',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  ],
  ['comment break-out', '<!--<img src="--><img src=x onerror=alert(1)//">'],
  ['malformed img quotes', '<img """><script>alert("XSS")</script>">'],
  ['template', '<template><img src=x onerror=alert(1)></template>'],
  ['xmp raw text', '<xmp><img src=x onerror=alert(1)></xmp>'],
  ['textarea raw text', '<textarea><img src=x onerror=alert(1)></textarea>'],
  ['title raw text', '<title><img src=x onerror=alert(1)></title>'],
  ['isindex', '<isindex action=javascript:alert(1) type=image>'],
  ['video source onerror', '<video><source onerror="alert(1)"></video>'],
  ['marquee onstart', '<marquee onstart=alert(1)>x</marquee>'],
  ['unterminated img', '<img src=x onerror=alert(1)//'],
  [
    'class, id and data attributes',
    '<span class="el-button" id="app" data-v-1="x" style="color:red">x</span>',
  ],
  ['colspan script', '<table><tr><td colspan="2 onmouseover=alert(1)">x</td></tr></table>'],
  [
    'quote break-out inside an allowed href',
    '<a href="https://ok.example/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
  ],
  ['deep nesting', '<span>'.repeat(200) + '<img src=x onerror=alert(1)>' + '</span>'.repeat(200)],
]

const ALLOWED = new Set([
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'h1',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'span',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
])
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'target', 'rel'],
  p: ['style'],
  span: ['style'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
}
const HTML_NS = 'http://www.w3.org/1999/xhtml'

/** Everything a browser would find in the output that it should not, as readable strings. */
function problems(html: string): string[] {
  const found: string[] = []
  const visit = (node: any) => {
    if (node.tagName) {
      const tag = node.tagName as string
      if (!ALLOWED.has(tag) || node.namespaceURI !== HTML_NS) found.push(`element <${tag}>`)
      for (const { name, value } of node.attrs as Array<{ name: string; value: string }>) {
        if (!(ATTRIBUTES[tag] ?? []).includes(name)) found.push(`attribute ${tag}[${name}]`)
        if (name === 'href') {
          let protocol = ''
          try {
            protocol = new URL(value).protocol
          } catch {}
          if (!['http:', 'https:', 'mailto:'].includes(protocol)) found.push(`href ${value}`)
        }
        if (name === 'style') {
          for (const declaration of value.split(';').filter((d) => d.trim())) {
            const [prop, ...rest] = declaration.split(':')
            const val = rest.join(':').trim()
            if (!['color', 'background-color', 'text-align'].includes(prop.trim()))
              found.push(`style ${declaration}`)
            if (/url|expression|\\|javascript|@import/i.test(val))
              found.push(`style ${declaration}`)
          }
        }
      }
      if (tag === 'a' && node.attrs.some((a: any) => a.name === 'href')) {
        const attr = (n: string) => node.attrs.find((a: any) => a.name === n)?.value
        if (attr('target') !== '_blank' || attr('rel') !== 'noopener noreferrer')
          found.push('link without target=_blank rel=noopener noreferrer')
      }
    }
    for (const child of node.childNodes ?? []) visit(child)
    if (node.content) visit(node.content)
  }
  visit(parseFragment(html))
  return found
}

test.group('Notice HTML sanitiser · XSS catalogue', () => {
  for (const [name, payload] of PAYLOADS) {
    test(`neutralises: ${name}`, ({ assert }) => {
      const clean = sanitizeHtmlContent(payload)
      assert.deepEqual(problems(clean), [], `output: ${clean}`)
      assert.equal(sanitizeHtmlContent(clean), clean, 'sanitising twice changes nothing')
    })
  }

  test('the catalogue really is dangerous before sanitising (the checker can fail)', ({
    assert,
  }) => {
    const flagged = PAYLOADS.filter(([, html]) => problems(html).length > 0)
    // Every payload but the pure text-break-out ones is caught raw by the same checker.
    assert.isAbove(flagged.length, PAYLOADS.length - 5)
  })

  test('an unsafe link keeps its text and loses its link', ({ assert }) => {
    assert.equal(
      sanitizeHtmlContent('<a href="jav&#x09;ascript:alert(1)">点击</a>'),
      '<span>点击</span>'
    )
    assert.equal(sanitizeHtmlContent('<a href="//evil.example">x</a>'), '<span>x</span>')
  })

  test('script, style and foreign content go with their content', ({ assert }) => {
    assert.equal(
      sanitizeHtmlContent('<p>a</p><script>alert(1)</script><style>p{}</style>'),
      '<p>a</p>'
    )
    assert.equal(sanitizeHtmlContent('<svg><text>x</text></svg><p>b</p>'), '<p>b</p>')
    assert.equal(sanitizeHtmlContent('<iframe>inner</iframe>ok'), 'ok')
  })

  test('a disallowed but harmless tag keeps its text', ({ assert }) => {
    assert.equal(sanitizeHtmlContent('<div><h5>小标题</h5>正文</div>'), '小标题正文')
  })

  test('markup typed as text stays text', ({ assert }) => {
    assert.equal(
      sanitizeHtmlContent('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'),
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
    )
  })

  test('safeLinkHref judges what a browser would open', ({ assert }) => {
    assert.equal(safeLinkHref('https://www.pbc.gov.cn/a b'), 'https://www.pbc.gov.cn/a%20b')
    assert.equal(safeLinkHref('mailto:risk@bank.example'), 'mailto:risk@bank.example')
    assert.isNull(safeLinkHref('java\tscript:alert(1)'))
    assert.isNull(safeLinkHref(' javascript:alert(1)'))
    assert.isNull(safeLinkHref('data:text/html,x'))
    assert.isNull(safeLinkHref('/relative'))
    assert.isNull(safeLinkHref('https:'))
    assert.isNull(safeLinkHref('ftp://files.example/x'))
  })
})

test.group('Notice HTML sanitiser · formatting survives', () => {
  test('inline emphasis and line breaks', ({ assert }) => {
    const html =
      '<p><strong>粗体</strong> <b>b</b> <em>斜体</em> <i>i</i> <u>下划线</u> <s>删除线</s><br />第二行</p>'
    assert.equal(sanitizeHtmlContent(html), html)
  })

  test('headings, lists and quotations', ({ assert }) => {
    const html =
      '<h1>一</h1><h2>二</h2><h3>三</h3><h4>四</h4><ul><li>甲</li></ul><ol><li>乙</li></ol><blockquote>引用</blockquote>'
    assert.equal(sanitizeHtmlContent(html), html)
  })

  test('links open in a new tab without access to the console', ({ assert }) => {
    assert.equal(
      sanitizeHtmlContent('<a href="https://www.pbc.gov.cn/x?a=1&amp;b=2">人民银行</a>'),
      '<a href="https://www.pbc.gov.cn/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">人民银行</a>'
    )
    assert.equal(
      sanitizeHtmlContent('<a href="mailto:risk@bank.example" target="_top" rel="opener">邮件</a>'),
      '<a href="mailto:risk@bank.example" target="_blank" rel="noopener noreferrer">邮件</a>'
    )
  })

  test('tables with header and spans', ({ assert }) => {
    const html =
      '<table><thead><tr><th colspan="2">机构</th></tr></thead><tbody><tr><td rowspan="2">北京</td><td>1</td></tr></tbody></table>'
    assert.equal(sanitizeHtmlContent(html), html)
  })

  test('colour and alignment styles on paragraphs and spans', ({ assert }) => {
    const html =
      '<p style="text-align:center"><span style="color:#c00;background-color:rgb(255, 255, 0)">重要</span><span style="color:red">红</span></p>'
    assert.equal(sanitizeHtmlContent(html), html)
  })

  test('unsafe declarations go, safe ones in the same attribute stay', ({ assert }) => {
    assert.equal(
      sanitizeHtmlContent(
        '<span style="color:red;position:fixed;background-color:url(x)">x</span>'
      ),
      '<span style="color:red">x</span>'
    )
  })
})
