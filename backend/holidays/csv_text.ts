/*
| The little CSV the holiday import needs: one record per line (a holiday name
| never spans lines), commas, double quotes, and the BOM Excel puts in front of
| UTF-8 files.
*/

/** Excel saves "CSV UTF-8" with a byte-order mark, which would stick to the first date. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** One CSV line: commas separate, double quotes protect commas, "" is a quote. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        cell += ch
      }
    } else if (ch === '"') {
      quoted = true
    } else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else {
      cell += ch
    }
  }
  cells.push(cell)
  return cells
}
