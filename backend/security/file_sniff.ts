/*
| Uploads are typed by their content, not by their name: `file-type` reads the
| magic bytes of binary formats (PDF, images, Office, zip); anything it does not
| recognise must be plain UTF-8 text with no markup a browser would run (HTML,
| SVG, XML, script). The detected kind must be on the allow-list
| (`system.security.uploadTypes`) and agree with the file's extension, so an
| HTML page named 报告.pdf or an SVG named notes.txt is refused.
*/
import { open } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'

export interface SniffedType {
  /** Canonical extension of the detected kind (`jpg` for JPEG). */
  ext: string
  mime: string
}

/** Extensions that name the same kind. */
const SAME_KIND: Record<string, string> = { jpeg: 'jpg', csv: 'txt' }
export const kindOf = (ext: string) => SAME_KIND[ext.toLowerCase()] ?? ext.toLowerCase()

const TEXT_MIME: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
}

/* Markup or script a browser would render or run if the file were ever shown inline. */
const ACTIVE_CONTENT =
  /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|meta|link|style|xml|\?xml|a\s|img\s|form)|javascript:|on[a-z]+\s*=/i

const TEXT_SAMPLE_BYTES = 64 * 1024

/* A detected binary type a browser renders or runs: SVG, HTML/XHTML, bare XML, *+xml, script. */
export const ACTIVE_MIME = /svg|html|javascript|^(application|text)\/xml$|\+xml$/

async function sniffText(filePath: string, ext: string): Promise<SniffedType | null> {
  const handle = await open(filePath, 'r')
  try {
    const buffer = Buffer.alloc(TEXT_SAMPLE_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, TEXT_SAMPLE_BYTES, 0)
    const sample = buffer.subarray(0, bytesRead)
    if (sample.includes(0)) return null
    let text: string
    try {
      // A cut at the sample's end may split a character: decode only up to the last full one.
      text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true })
    } catch {
      return null
    }
    if (ACTIVE_CONTENT.test(text)) return null
    const textExt = ext === 'csv' ? 'csv' : 'txt'
    return { ext: textExt, mime: TEXT_MIME[textExt] }
  } finally {
    await handle.close()
  }
}

/** The detected type of a stored upload, or null when it is neither a known binary format nor inert text. */
export async function sniffFile(
  filePath: string,
  declaredExt: string
): Promise<SniffedType | null> {
  const detected = await fileTypeFromFile(filePath)
  if (detected) {
    // XML-based and web formats are never inert, whatever they are named. Office files are
    // zipped XML with an inert mime type (…openxmlformats-officedocument…): allowed.
    if (ACTIVE_MIME.test(detected.mime)) return null
    return { ext: kindOf(detected.ext), mime: detected.mime }
  }
  return sniffText(filePath, declaredExt.toLowerCase())
}
