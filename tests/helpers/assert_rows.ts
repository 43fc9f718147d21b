/*
| assertRows: compare rows the way a clerk reads them — as a table. Only the
| columns the expectation names are compared, so a spec states the facts its
| rule is about and nothing else; a failure shows a line-by-line table diff
| instead of a nested-object dump.
|
|   assertRows(assert, detail.chain, `
|     name.zh  | state
|     分行审批 | approved
|     总行审批 | approved
|   `)
|
| The expectation may also be an array of objects (columns = keys of the first).
| Cells compare as text: null and undefined are empty, numbers and bigints
| their digits (money stays a string or fen integer, never a float).
*/
import type { Assert } from '@japa/assert'

type Row = Record<string, unknown>

/** 'name.zh' reads nested fields such as i18n names. */
function cell(row: Row, column: string): string {
  const value = column
    .split('.')
    .reduce<unknown>((at, key) => (at == null ? at : (at as Row)[key]), row)
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

function parseTable(text: string) {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const split = (line: string) => line.split('|').map((part) => part.trim())
  const [header, ...body] = lines.map(split)
  // A short or long row is a typo in the spec, not a difference in the data.
  const ragged = body.find((row) => row.length !== header.length)
  if (ragged) throw new Error(`assertRows: "${ragged.join(' | ')}" needs ${header.length} cells`)
  return { columns: header, cells: body }
}

/** Pads each column to its widest cell so the diff lines up. */
function format(columns: string[], cells: string[][]) {
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)))
  return [columns, ...cells].map((r) => r.map((v, i) => v.padEnd(widths[i])).join(' | ')).join('\n')
}

export function assertRows(
  assert: Assert,
  rows: Row[],
  expected: string | Row[],
  message?: string
) {
  const { columns, cells } =
    typeof expected === 'string'
      ? parseTable(expected)
      : {
          columns: Object.keys(expected[0] ?? {}),
          cells: expected.map((row) => Object.keys(expected[0] ?? {}).map((c) => cell(row, c))),
        }
  const actual = rows.map((row) => columns.map((column) => cell(row, column)))
  assert.equal(format(columns, actual), format(columns, cells), message ?? 'rows differ')
}
