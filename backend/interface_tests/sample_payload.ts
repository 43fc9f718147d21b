/*
| 接口测试: a first payload from an interface's JSON Schema, so a tester edits a
| valid example instead of typing the shape from the documentation. Amounts in
| fen get "100", dates today, enums their first value; optional fields are
| filled too (easier to delete than to look up).
*/
type Schema = Record<string, any>

export function samplePayload(schema: Schema | undefined, today: string, depth = 0): unknown {
  if (!schema || depth > 8) return null
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum)) return schema.enum[0]
  if (Array.isArray(schema.oneOf ?? schema.anyOf))
    return samplePayload((schema.oneOf ?? schema.anyOf)[0], today, depth + 1)
  const type = Array.isArray(schema.type)
    ? (schema.type.find((t: string) => t !== 'null') ?? 'null')
    : schema.type
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(schema.properties ?? {}))
        out[key] = samplePayload(child as Schema, today, depth + 1)
      return out
    }
    case 'array':
      return [samplePayload(schema.items, today, depth + 1)]
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return false
    case 'string':
      if (schema.format === 'date') return today
      if (schema.format === 'date-time') return `${today}T09:00:00+08:00`
      if (typeof schema.pattern === 'string' && /\\d/.test(schema.pattern)) return '100'
      return 'test'
    default:
      return null
  }
}
