/*
| A file's size for people: KB under 1 MB, else MB, one decimal rounded half up.
| Integer arithmetic on the byte count (no float formatting): tenths of the unit.
*/
const KB = 1024
const MB = 1024 * 1024

function tenths(bytes: number, unit: number) {
  const t = Math.floor((bytes * 10 + unit / 2) / unit)
  return `${Math.floor(t / 10)}.${t % 10}`
}

export function fileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isInteger(bytes) || bytes < 0) return '—'
  return bytes < MB ? `${tenths(bytes, KB)} KB` : `${tenths(bytes, MB)} MB`
}
