/*
| Sanitised rich text → Word (.docx, the `docx` package). The input is only ever
| the sanitiser's output (documents/render.ts, document_service.ts): a small,
| well-formed tag set (p, h1–h4, strong/b, em/i, u, s, br, ol/ul/li, blockquote,
| table rows and cells, span, a) with double-quoted attributes and &amp;/&lt;/&gt;
| entities, so a tokenizer suffices. Text goes into Word as text runs — never as
| markup — so whatever a party's name contains stays literal.
*/
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  HeadingLevel,
} from 'docx'

type Style = { bold?: boolean; italics?: boolean; underline?: boolean; strike?: boolean }
type Align = (typeof AlignmentType)[keyof typeof AlignmentType]

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1].toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      )
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

const TOKEN = /<(\/?)([a-z][a-z0-9]*)([^>]*)>|([^<]+)/gi
const INLINE: Record<string, keyof Style> = {
  strong: 'bold',
  b: 'bold',
  em: 'italics',
  i: 'italics',
  u: 'underline',
  s: 'strike',
}
const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  h1: HeadingLevel.TITLE,
  h2: HeadingLevel.HEADING_1,
  h3: HeadingLevel.HEADING_2,
  h4: HeadingLevel.HEADING_3,
}
const FONT = 'SimSun'

function alignmentOf(attributes: string): Align | undefined {
  const match = /text-align:\s*(left|right|center|justify)/i.exec(attributes)
  if (!match) return undefined
  return {
    left: AlignmentType.LEFT,
    right: AlignmentType.RIGHT,
    center: AlignmentType.CENTER,
    justify: AlignmentType.JUSTIFIED,
  }[match[1].toLowerCase() as 'left']
}

/** The paragraphs and tables of the body, in order. */
export function htmlToDocxBlocks(html: string): Array<Paragraph | Table> {
  const blocks: Array<Paragraph | Table> = []
  const styles: Style[] = []
  const lists: Array<{ ordered: boolean; n: number }> = []
  let runs: TextRun[] = []
  let block: { tag: string; align?: Align; prefix?: string } | null = null
  let table: { rows: TableRow[]; cells: TableCell[]; cellBlocks: Paragraph[] } | null = null

  const style = (): Style => Object.assign({}, ...styles)
  const flush = () => {
    if (!runs.length && !block) return
    const tag = block?.tag ?? 'p'
    const children = block?.prefix
      ? [new TextRun({ text: block.prefix, font: FONT }), ...runs]
      : runs
    const paragraph = new Paragraph({
      children,
      heading: HEADINGS[tag],
      alignment: tag === 'h1' ? AlignmentType.CENTER : block?.align,
      indent: tag === 'blockquote' ? { left: 720 } : undefined,
      spacing: { line: 360 },
    })
    if (table) table.cellBlocks.push(paragraph)
    else blocks.push(paragraph)
    runs = []
    block = null
  }

  for (const match of html.matchAll(TOKEN)) {
    const [, closing, rawTag, attributes = '', text] = match
    if (text !== undefined) {
      const value = decodeEntities(text)
      if (value.trim() === '' && !block && !runs.length) continue
      const { bold, italics, underline, strike } = style()
      runs.push(
        new TextRun({
          text: value,
          font: FONT,
          bold,
          italics,
          strike,
          underline: underline ? {} : undefined,
        })
      )
      continue
    }
    const tag = rawTag.toLowerCase()
    if (tag in INLINE) {
      if (closing) styles.pop()
      else styles.push({ [INLINE[tag]]: true })
    } else if (tag === 'br') {
      runs.push(new TextRun({ text: '', break: 1, font: FONT }))
    } else if (['p', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'li', 'th', 'td'].includes(tag)) {
      if (closing) {
        flush()
        if ((tag === 'td' || tag === 'th') && table) {
          table.cells.push(
            new TableCell({
              children: table.cellBlocks.length ? table.cellBlocks : [new Paragraph('')],
            })
          )
          table.cellBlocks = []
        }
      } else {
        flush()
        let prefix: string | undefined
        if (tag === 'li') {
          const list = lists.at(-1)
          if (list) prefix = list.ordered ? `${++list.n}. ` : '• '
        }
        if (tag === 'th') styles.push({ bold: true })
        block = { tag, align: alignmentOf(attributes), prefix }
      }
      if (closing && tag === 'th') styles.pop()
    } else if (tag === 'ol' || tag === 'ul') {
      if (closing) lists.pop()
      else lists.push({ ordered: tag === 'ol', n: 0 })
    } else if (tag === 'table') {
      if (closing && table) {
        flush()
        if (table.rows.length)
          blocks.push(
            new Table({ rows: table.rows, width: { size: 100, type: WidthType.PERCENTAGE } })
          )
        table = null
      } else if (!closing) {
        flush()
        table = { rows: [], cells: [], cellBlocks: [] }
      }
    } else if (tag === 'tr' && closing && table) {
      if (table.cells.length) table.rows.push(new TableRow({ children: table.cells }))
      table.cells = []
    }
    // span, a, thead, tbody: their text flows into the current paragraph.
  }
  flush()
  return blocks
}

export async function htmlToDocx(title: string, html: string): Promise<Buffer> {
  const document = new Document({
    creator: '风险资产管理系统',
    title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ children: htmlToDocxBlocks(html) }],
  })
  return Packer.toBuffer(document)
}
