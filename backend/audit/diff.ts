/*
| Before/after of an audit entry as rows of a diff table: one row per field
| (nested objects flattened to dotted paths, arrays kept whole), marking the ones
| that changed. Values are the stored, already masked ones.
*/
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  changed: boolean
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>)
    if (!entries.length && prefix) out.set(prefix, {})
    for (const [key, inner] of entries) flatten(inner, prefix ? `${prefix}.${key}` : key, out)
    return
  }
  if (prefix) out.set(prefix, value)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null
): FieldChange[] {
  const left = new Map<string, unknown>()
  const right = new Map<string, unknown>()
  flatten(before ?? {}, '', left)
  flatten(after ?? {}, '', right)
  // Fields in the order they first appear: before's, then those only after has.
  const fields = [...new Set([...left.keys(), ...right.keys()])]
  return fields.map((field) => {
    const b = left.has(field) ? left.get(field) : null
    const a = right.has(field) ? right.get(field) : null
    return { field, before: b, after: a, changed: !same(b, a) }
  })
}
