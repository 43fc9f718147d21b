/* The editor's toolbar: one entry per button, in display order. */
import type { Component } from 'vue'
import type { ChainedCommands, Editor } from '@tiptap/core'
import { Link } from '@element-plus/icons-vue'

export type ToolKey =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strike'
  | 'heading'
  | 'paragraph'
  | 'bulletList'
  | 'orderedList'
  | 'quote'
  | 'alignLeft'
  | 'alignCenter'
  | 'alignRight'
  | 'link'
  | 'unlink'
  /** The text and highlight colour pickers. */
  | 'color'
  | 'clear'
  | 'undo'
  | 'redo'

export interface Tool {
  key: Exclude<ToolKey, 'color'>
  /** i18n key of the tooltip and aria-label. */
  label: string
  text: string
  /** Drawn instead of `text` (emoji such as 🔗 have no glyph in the fonts bank desktops carry). */
  icon?: Component
  run: (chain: ChainedCommands) => ChainedCommands
  active?: (editor: Editor) => boolean
}

const mark = (name: string) => (editor: Editor) => editor.isActive(name)

export const TOOLS: Tool[] = [
  {
    key: 'bold',
    label: 'richText.bold',
    text: 'B',
    run: (c) => c.toggleBold(),
    active: mark('bold'),
  },
  {
    key: 'italic',
    label: 'richText.italic',
    text: 'I',
    run: (c) => c.toggleItalic(),
    active: mark('italic'),
  },
  {
    key: 'underline',
    label: 'richText.underline',
    text: 'U',
    run: (c) => c.toggleUnderline(),
    active: mark('underline'),
  },
  {
    key: 'strike',
    label: 'richText.strike',
    text: 'S',
    run: (c) => c.toggleStrike(),
    active: mark('strike'),
  },
  {
    key: 'heading',
    label: 'richText.heading',
    text: 'H',
    run: (c) => c.toggleHeading({ level: 3 }),
    active: (e) => e.isActive('heading'),
  },
  { key: 'paragraph', label: 'richText.paragraph', text: '¶', run: (c) => c.setParagraph() },
  {
    key: 'bulletList',
    label: 'richText.bulletList',
    text: '•',
    run: (c) => c.toggleBulletList(),
    active: mark('bulletList'),
  },
  {
    key: 'orderedList',
    label: 'richText.orderedList',
    text: '1.',
    run: (c) => c.toggleOrderedList(),
    active: mark('orderedList'),
  },
  {
    key: 'quote',
    label: 'richText.quote',
    text: '❝',
    run: (c) => c.toggleBlockquote(),
    active: mark('blockquote'),
  },
  {
    key: 'alignLeft',
    label: 'richText.alignLeft',
    text: '⇤',
    run: (c) => c.unsetTextAlign(),
  },
  {
    key: 'alignCenter',
    label: 'richText.alignCenter',
    text: '↔',
    run: (c) => c.setTextAlign('center'),
    active: (e) => e.isActive({ textAlign: 'center' }),
  },
  {
    key: 'alignRight',
    label: 'richText.alignRight',
    text: '⇥',
    run: (c) => c.setTextAlign('right'),
    active: (e) => e.isActive({ textAlign: 'right' }),
  },
  // The link button opens a prompt (RichTextEditor.insertLink); run is not used for it.
  {
    key: 'link',
    label: 'richText.link',
    text: '',
    icon: Link,
    run: (c) => c,
    active: mark('link'),
  },
  { key: 'unlink', label: 'richText.unlink', text: '', icon: Link, run: (c) => c.unsetLink() },
  {
    key: 'clear',
    label: 'richText.clear',
    text: '⌫',
    run: (c) => c.unsetAllMarks().clearNodes(),
  },
  { key: 'undo', label: 'richText.undo', text: '↶', run: (c) => c.undo() },
  { key: 'redo', label: 'richText.redo', text: '↷', run: (c) => c.redo() },
]
