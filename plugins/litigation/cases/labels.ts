/*
| Dictionary labels for text the server writes (timeline events, documents):
| the administrators' current zh label, or the code itself. Reads the cache
| through the pool: call it before a transaction opens (SQLite: one connection).
*/
import { dictionariesCache } from '#core/registry/dictionaries_cache'

export async function labelsOf(type: string): Promise<(code: string) => string> {
  const { data } = await dictionariesCache.current()
  const items = data[type] ?? []
  return (code: string) => items.find((i) => i.code === code)?.label.zh ?? code
}
