/*
| The one gate rich text passes before it is stored. Stored XSS through
| notice/announcement editors is a known hole in popular admin frameworks
| (the content is later rendered with v-html for every user, administrators
| included), so the server never trusts the console's editor.
|
| Built on sanitize-html (htmlparser2, a real HTML parser) with a strict
| allow-list: anything not named here is dropped. Disallowed tags lose their
| markup but keep their text, except for tags whose content is code or a
| foreign document (script, style, svg, math, iframe, …), which go entirely.
*/
import sanitizeHtml from 'sanitize-html'
import {
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_LINK_PROTOCOLS,
  RICH_TEXT_STYLES,
  RICH_TEXT_TAGS,
} from './rich_text_rules.js'

/** Tags removed with everything inside them: their content is not readable text. */
const DISCARD_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'template',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'title',
  'head',
]

const LINK_PROTOCOLS = new Set(RICH_TEXT_LINK_PROTOCOLS.map((scheme) => `${scheme}:`))

/*
| Colours as an editor writes them: #rgb/#rrggbb(aa), rgb()/rgba() with plain
| numbers, or a CSS colour keyword. Anything with a parenthesis other than
| those (expression(), url(), var()) cannot match.
*/
const COLOUR = [
  /^#[0-9a-f]{3,8}$/i,
  /^rgba?\(\s*\d{1,3}%?\s*,\s*\d{1,3}%?\s*,\s*\d{1,3}%?\s*(,\s*(0|1|0?\.\d+)\s*)?\)$/i,
  /^[a-z]{3,20}$/i,
]
const STYLE_VALUES: Record<string, RegExp[]> = {
  'color': COLOUR,
  'background-color': COLOUR,
  'text-align': [/^(left|right|center|justify)$/i],
}
const ALLOWED_STYLES = Object.fromEntries(
  Object.entries(RICH_TEXT_STYLES).map(([tag, properties]) => [
    tag,
    Object.fromEntries(properties.map((property) => [property, STYLE_VALUES[property]])),
  ])
)

/**
 * The link as a browser would follow it, when it is an absolute http(s) URL
 * with a host or a mailto: address; otherwise null.
 */
export function safeLinkHref(href: string): string | null {
  let url: URL
  try {
    // The WHATWG parser is what a browser uses: it strips tabs and newlines
    // ("jav\tascript:") and lowercases the scheme, so we judge (and store) what a
    // click would open, not the text the author typed.
    url = new URL(href.trim())
  } catch {
    return null
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null
  if (url.protocol !== 'mailto:' && url.hostname === '') return null
  return url.href
}

/** colspan/rowspan survive only as small positive numbers. */
function tableCell(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {}
  for (const name of ['colspan', 'rowspan']) {
    const value = attribs[name]?.trim()
    if (value && /^[1-9]\d{0,2}$/.test(value)) kept[name] = value
  }
  return { tagName, attribs: kept }
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: RICH_TEXT_ATTRIBUTES,
  allowedClasses: {},
  allowedStyles: ALLOWED_STYLES,
  allowedSchemes: [...RICH_TEXT_LINK_PROTOCOLS],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DISCARD_WITH_CONTENT,
  // Deeply nested markup is a parser-confusion and denial-of-service vector, never formatting.
  nestingLimit: 20,
  transformTags: {
    // A link opens in a new tab and cannot reach back into the console (window.opener).
    // A link whose target is not a plain http(s)/mailto URL loses its link, keeps its text.
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = safeLinkHref(attribs.href ?? '')
      if (!href) return { tagName: 'span', attribs: {} }
      return { tagName: 'a', attribs: { href, target: '_blank', rel: 'noopener noreferrer' } }
    },
    td: tableCell,
    th: tableCell,
  },
}

/**
 * Returns HTML that is safe to render with `v-html`: only the allow-listed
 * formatting survives. Idempotent: sanitising the output again changes nothing.
 */
export function sanitizeHtmlContent(dirty: string): string {
  return sanitizeHtml(dirty ?? '', OPTIONS).trim()
}

/** True when sanitised HTML still has something to read (a notice of only `<script>` is empty). */
export function hasReadableText(html: string): boolean {
  const text = sanitizeHtml(html ?? '', { allowedTags: [], allowedAttributes: {} })
  return text.replace(/&nbsp;|&#160;|\u00a0/g, '').trim() !== ''
}
