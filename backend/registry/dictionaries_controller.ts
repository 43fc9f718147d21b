import type { HttpContext } from '@adonisjs/core/http'
import { dictionariesCache } from '#core/registry/dictionaries_cache'

/*
| The console's dictionaries (any signed-in user), served from the versioned
| cache — no query per request on a warm node.
|
| GET /api/dictionaries                  → { <type>: [{ code, label, color }] }, enabled items only
|                                          (the original contract; plugins' tests rely on it)
| GET /api/dictionaries?withVersion=true → { version, dictionaries }, every item with `enabled`,
|                                          so stored codes of disabled items still render as labels
| GET /api/dictionaries/version          → { version }: the console polls this and refetches
|                                          when it changes
*/
export default class DictionariesController {
  async index({ request }: HttpContext) {
    const { version, data } = await dictionariesCache.current()
    if (['true', '1'].includes(String(request.qs().withVersion))) {
      return { version, dictionaries: data }
    }
    const plain: Record<
      string,
      Array<{ code: string; label: { zh: string; en: string }; color: string | null }>
    > = {}
    for (const [type, items] of Object.entries(data)) {
      plain[type] = items
        .filter((item) => item.enabled)
        .map(({ code, label, color }) => ({ code, label, color }))
    }
    return plain
  }

  async version() {
    return { version: await dictionariesCache.version() }
  }
}
