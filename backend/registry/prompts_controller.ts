import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { messages } from '#core/i18n/messages'
import { validationRuleMessages } from '#core/i18n/validation_messages'
import { promptsCache } from '#core/registry/prompts_cache'
import { dbNow } from '#core/db/db_time'
import {
  CONSOLE_PROMPT_KEY,
  promptListValidator,
  promptOverrideValidator,
} from '#core/registry/validators'

/*
| 系统提示管理: the texts users read — validation messages, confirmations,
| business prompts — by key, changed without a deploy.
|
| Keys: every server message (backend/i18n/messages.ts and its area parts),
| `validation.<rule>` for each VineJS rule text, and free `console.<name>` keys
| the console can fetch from GET /api/prompts. An override may use only the
| placeholders its default text has ({field}, {min}, …): any other would print
| as an empty gap in front of a customer.
*/

type Kind = 'message' | 'validation' | 'console' | 'other'

interface CatalogueEntry {
  key: string
  kind: Kind
  default: { zh: string; en: string }
}

function catalogue(): Map<string, CatalogueEntry> {
  const entries = new Map<string, CatalogueEntry>()
  for (const key of new Set([...Object.keys(messages['zh-CN']), ...Object.keys(messages.en)])) {
    entries.set(key, {
      key,
      kind: 'message',
      default: { zh: messages['zh-CN'][key] ?? '', en: messages.en[key] ?? '' },
    })
  }
  const rules = validationRuleMessages
  for (const rule of new Set([...Object.keys(rules['zh-CN']), ...Object.keys(rules.en)])) {
    const key = `validation.${rule}`
    if (entries.has(key)) continue
    entries.set(key, {
      key,
      kind: 'validation',
      default: { zh: rules['zh-CN'][rule] ?? '', en: rules.en[rule] ?? '' },
    })
  }
  return entries
}

const placeholders = (text: string | null | undefined) => [
  ...new Set([...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])),
]

function entryJson(entry: CatalogueEntry, row: any | undefined, users: Map<number, string>) {
  return {
    key: entry.key,
    kind: entry.kind,
    default: entry.default,
    override: row ? { zh: row.text_zh || null, en: row.text_en || null } : null,
    placeholders: placeholders(`${entry.default.zh} ${entry.default.en}`),
    updatedBy: row?.updated_by ? (users.get(Number(row.updated_by)) ?? null) : null,
    updatedAt: row?.updated_at ?? null,
  }
}

export default class PromptsController {
  /** GET /api/system/prompts — every known key with its default and override texts. */
  async index({ request }: HttpContext) {
    const query = await request.validateUsing(promptListValidator)
    const known = catalogue()
    const rows = await db.from('message_overrides')
    const overrides = new Map(rows.map((r) => [r.key as string, r]))
    for (const row of rows) {
      if (known.has(row.key)) continue
      known.set(row.key, {
        key: row.key,
        kind: CONSOLE_PROMPT_KEY.test(row.key) ? 'console' : 'other',
        default: { zh: '', en: '' },
      })
    }
    const userIds = rows.map((r) => Number(r.updated_by)).filter(Boolean)
    const users = new Map<number, string>(
      userIds.length
        ? (await db.from('users').whereIn('id', userIds).select('id', 'username')).map((u) => [
            Number(u.id),
            u.username as string,
          ])
        : []
    )

    const word = query.keyword?.toLowerCase()
    let list = [...known.values()].filter((entry) => {
      if (query.kind && entry.kind !== query.kind) return false
      if (query.overridden !== undefined && overrides.has(entry.key) !== query.overridden)
        return false
      if (!word) return true
      const row = overrides.get(entry.key)
      return [entry.key, entry.default.zh, entry.default.en, row?.text_zh, row?.text_en].some((t) =>
        t?.toLowerCase().includes(word)
      )
    })
    list.sort((a, b) => a.key.localeCompare(b.key))
    if (query.order === 'desc') list.reverse()

    const page = query.page ?? 1
    const perPage = query.perPage ?? 20
    const total = list.length
    list = list.slice((page - 1) * perPage, page * perPage)
    return {
      data: list.map((entry) => entryJson(entry, overrides.get(entry.key), users)),
      meta: { total, page, perPage },
    }
  }

  /** PUT /api/system/prompts/:key `{ zh, en }` — sets the override; both empty removes it. */
  async update(ctx: HttpContext) {
    const { params, request, response, i18n, auth } = ctx
    const input = await request.validateUsing(promptOverrideValidator)
    const key = String(params.key)
    const entry = catalogue().get(key)
    if (!entry && !CONSOLE_PROMPT_KEY.test(key)) {
      return response.notFound({ message: i18n('registry.prompt.unknownKey', { key }) })
    }

    if (entry) {
      const allowed = placeholders(`${entry.default.zh} ${entry.default.en}`)
      for (const field of ['zh', 'en'] as const) {
        const unknown = placeholders(input[field]).filter((name) => !allowed.includes(name))
        if (unknown.length) {
          const message = i18n('registry.prompt.placeholder', {
            names: unknown.map((n) => `{${n}}`).join(' '),
            allowed: allowed.map((n) => `{${n}}`).join(' ') || '—',
          })
          return response.unprocessableEntity({
            message: i18n('validation.failed'),
            errors: [{ field, rule: 'placeholder', message }],
          })
        }
      }
    }

    const before = await db.from('message_overrides').where('key', key).first()
    const zh = input.zh || null
    const en = input.en || null
    if (!zh && !en) {
      await db.from('message_overrides').where('key', key).delete()
    } else {
      const row = {
        text_zh: zh,
        text_en: en,
        updated_by: auth.user?.id ?? null,
        updated_at: dbNow(),
      }
      if (before) await db.from('message_overrides').where('key', key).update(row)
      else await db.table('message_overrides').insert({ key, ...row })
    }
    await promptsCache.changed()
    await audit.record(ctx, {
      action: 'prompt.update',
      entityType: 'prompt',
      entityId: key,
      before: before ? { zh: before.text_zh, en: before.text_en } : null,
      after: zh || en ? { zh, en } : null,
    })
    const after = await db.from('message_overrides').where('key', key).first()
    const username = auth.user
      ? new Map([[Number(auth.user.id), (auth.user as any).username]])
      : new Map()
    return entryJson(
      entry ?? { key, kind: 'console', default: { zh: '', en: '' } },
      after ?? undefined,
      username
    )
  }

  /** GET /api/prompts — every override as `{ key: { zh, en } }`, for any signed-in console. */
  async overrides() {
    const result: Record<string, { zh: string | null; en: string | null }> = {}
    for (const [key, texts] of await promptsCache.get()) result[key] = texts
    return result
  }
}
