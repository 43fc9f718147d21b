/*
| The editor's schema: exactly the formats the server's allow-list keeps
| (backend/notices/rich_text_rules.ts), so what the author sees is what gets
| stored. Anything else — pasted from Word or a web page — is reduced by
| ProseMirror's parser to these nodes and marks before it reaches the model.
| No code, code blocks, images, horizontal rules or tables (the sanitiser would
| keep tables, but the toolbar has no table tools yet).
*/
import type { AnyExtension } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import Bold from '@tiptap/extension-bold'
import Italic from '@tiptap/extension-italic'
import Underline from '@tiptap/extension-underline'
import Strike from '@tiptap/extension-strike'
import Heading from '@tiptap/extension-heading'
import Blockquote from '@tiptap/extension-blockquote'
import HardBreak from '@tiptap/extension-hard-break'
import Link from '@tiptap/extension-link'
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list'
import { BackgroundColor, Color, TextStyle } from '@tiptap/extension-text-style'
import TextAlign from '@tiptap/extension-text-align'
import { Placeholder, UndoRedo } from '@tiptap/extensions'
import {
  RICH_TEXT_HEADING_LEVELS,
  RICH_TEXT_LINK_PROTOCOLS,
} from '../../../../backend/notices/rich_text_rules'

const PROTOCOLS = new Set(RICH_TEXT_LINK_PROTOCOLS.map((scheme) => `${scheme}:`))

/** The server's rule (sanitize_html.ts safeLinkHref): an absolute http(s) URL with a host, or mailto:. */
export function isSafeLink(href: string): boolean {
  try {
    const url = new URL(href.trim())
    return PROTOCOLS.has(url.protocol) && (url.protocol === 'mailto:' || url.hostname !== '')
  } catch {
    return false
  }
}

export function richTextExtensions(placeholder: () => string): AnyExtension[] {
  return [
    Document,
    Paragraph,
    Text,
    HardBreak,
    Bold,
    Italic,
    Underline,
    Strike,
    Heading.configure({ levels: [...RICH_TEXT_HEADING_LEVELS] }),
    Blockquote,
    BulletList,
    OrderedList,
    ListItem,
    Link.configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: [...RICH_TEXT_LINK_PROTOCOLS],
      isAllowedUri: (url) => isSafeLink(url),
      shouldAutoLink: (url) => isSafeLink(url),
      HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer' },
    }),
    // Colours travel as <span style="color|background-color">; alignment only on
    // paragraphs (the server keeps style on p and span, not on headings).
    TextStyle,
    Color,
    BackgroundColor,
    TextAlign.configure({ types: ['paragraph'], alignments: ['left', 'center', 'right'] }),
    UndoRedo,
    Placeholder.configure({ placeholder }),
  ]
}
