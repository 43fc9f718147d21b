/*
| What rich text may contain: the one list both sides read. The server's
| sanitiser (sanitize_html.ts) keeps exactly this and drops the rest; the
| console's editor (frontend/src/components/rich-text) offers only formats that
| render inside it, and its spec checks every format against this list. Plain
| data, no imports: the console bundles this file.
*/

export const RICH_TEXT_TAGS = [
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
] as const

/** Heading levels the list allows (h1–h4). */
export const RICH_TEXT_HEADING_LEVELS = [1, 2, 3, 4] as const

/** Attributes kept per tag (an `a` gets its target/rel from the server, whatever was sent). */
export const RICH_TEXT_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'target', 'rel'],
  p: ['style'],
  span: ['style'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
}

/** CSS properties kept in a `style` attribute, on the tags RICH_TEXT_ATTRIBUTES lets carry one. */
export const RICH_TEXT_STYLES: Record<string, string[]> = {
  p: ['color', 'background-color', 'text-align'],
  span: ['color', 'background-color', 'text-align'],
}

/** Link schemes a reader may follow; relative and protocol-relative links are refused. */
export const RICH_TEXT_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const
