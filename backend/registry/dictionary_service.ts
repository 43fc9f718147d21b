import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import {
  dictionariesCache,
  effectiveItemSort,
  whereLiveDictType,
} from '#core/registry/dictionaries_cache'
import type {
  createDictItemValidator,
  createDictTypeValidator,
  updateDictItemValidator,
  updateDictTypeValidator,
} from '#core/registry/validators'
import { RegistryError } from './registry_error.js'
import { sourceName } from './source_name.js'

/*
| 数据字典管理. Two kinds of rows, two rule sets:
| - declared by core or a plugin (type source = plugin id, item origin 'plugin'):
|   the manifest owns code, labels, order and colour, and the sync rewrites them
|   on every boot, so administrators change only the custom_* columns (labels,
|   order), `enabled`, and never delete or recode them — business tables store
|   the codes and the plugin's code relies on them;
| - administrators' own (type source 'admin', item origin 'admin'): fully
|   editable and deletable; the sync never touches them.
| Every write bumps the dictionaries cache, so every console refetches.
| A refusal is a RegistryError; `ctx` (null in jobs and tests) is who the audit
| log names.
*/

const ADMIN = 'admin'

type Ctx = HttpContext | null

const typeJson = (t: any, items: any[]) => ({
  code: t.code,
  name: { zh: t.custom_name_zh || t.name_zh, en: t.custom_name_en || t.name_en },
  defaultName: { zh: t.name_zh, en: t.name_en },
  customName:
    t.custom_name_zh || t.custom_name_en ? { zh: t.custom_name_zh, en: t.custom_name_en } : null,
  source: t.source,
  items: items.map(itemJson),
})

const itemJson = (i: any) => ({
  id: i.id,
  code: i.code,
  label: { zh: i.custom_label_zh || i.label_zh, en: i.custom_label_en || i.label_en },
  defaultLabel: { zh: i.label_zh, en: i.label_en },
  customLabel:
    i.custom_label_zh || i.custom_label_en
      ? { zh: i.custom_label_zh, en: i.custom_label_en }
      : null,
  sort: effectiveItemSort(i),
  defaultSort: i.sort,
  customSort: i.custom_sort,
  color: i.color,
  enabled: Boolean(Number(i.enabled)),
  origin: i.origin,
})

const unchanged = (value: string | null | undefined, declared: string) =>
  !value || value === declared ? null : value

async function liveType(code: string) {
  const type = await whereLiveDictType(db.from('dict_types').where('code', code)).first()
  if (!type) throw RegistryError.notFound()
  return type
}

async function liveItem(typeCode: string, id: string | number) {
  const type = await whereLiveDictType(db.from('dict_types').where('code', typeCode)).first()
  const item =
    type && /^\d+$/.test(String(id))
      ? await db.from('dict_items').where('type_code', type.code).where('id', Number(id)).first()
      : null
  if (!item) throw RegistryError.notFound()
  return { type, item }
}

async function refuseClash(typeCode: string, code: string) {
  const clash = await db
    .from('dict_items')
    .where('type_code', typeCode)
    .where('code', code)
    .first()
  if (clash) throw RegistryError.refused('code', 'unique', 'registry.dict.itemExists', { code })
}

function pick(row: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null]))
}

export const dictionaryService = {
  /** Every live type with all its items (disabled too). */
  async list() {
    const types = await whereLiveDictType(db.from('dict_types')).orderBy('source').orderBy('code')
    const items = await db.from('dict_items').whereIn(
      'type_code',
      types.map((t: any) => t.code)
    )
    items.sort((a, b) => effectiveItemSort(a) - effectiveItemSort(b) || a.id - b.id)
    return types.map((t: any) =>
      typeJson(
        t,
        items.filter((i) => i.type_code === t.code)
      )
    )
  },

  /** An administrator's own type. */
  async createType(input: Infer<typeof createDictTypeValidator>, ctx: Ctx) {
    if (await db.from('dict_types').where('code', input.code).first()) {
      throw RegistryError.refused('code', 'unique', 'registry.dict.typeExists', {
        code: input.code,
      })
    }
    const row = {
      code: input.code,
      source: ADMIN,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      active: true,
    }
    await db.table('dict_types').insert(row)
    await dictionariesCache.changed()
    await audit.record(ctx, {
      action: 'dict.type.create',
      entityType: 'dict_type',
      entityId: input.code,
      after: row,
    })
    return typeJson(row, [])
  },

  /** Names (custom names on a declared type). */
  async updateType(code: string, input: Infer<typeof updateDictTypeValidator>, ctx: Ctx) {
    const type = await liveType(code)
    const patch =
      type.source === ADMIN
        ? { name_zh: input.nameZh || type.name_zh, name_en: input.nameEn || type.name_en }
        : {
            custom_name_zh: unchanged(input.nameZh, type.name_zh),
            custom_name_en: unchanged(input.nameEn, type.name_en),
          }
    await db.from('dict_types').where('code', type.code).update(patch)
    await dictionariesCache.changed()
    await audit.record(ctx, {
      action: 'dict.type.update',
      entityType: 'dict_type',
      entityId: type.code,
      before: pick(type, Object.keys(patch)),
      after: patch,
    })
    const items = await db.from('dict_items').where('type_code', type.code)
    return typeJson({ ...type, ...patch }, items)
  },

  /** Administrators' types only, with their items. */
  async deleteType(code: string, ctx: Ctx) {
    const type = await liveType(code)
    if (type.source !== ADMIN) {
      throw RegistryError.refused('code', 'declared', 'registry.dict.typeNotDeletable', {
        name: { zh: type.name_zh, en: type.name_en },
        source: await sourceName(type.source),
      })
    }
    const items = await db.from('dict_items').where('type_code', type.code)
    await db.transaction(async (trx) => {
      await trx.from('dict_items').where('type_code', type.code).delete()
      await trx.from('dict_types').where('code', type.code).delete()
      await dictionariesCache.changed(trx)
    })
    await audit.record(ctx, {
      action: 'dict.type.delete',
      entityType: 'dict_type',
      entityId: type.code,
      before: { ...type, items: items.map((i) => i.code) },
    })
  },

  /** An administrator's item (also on a declared type). */
  async createItem(typeCode: string, input: Infer<typeof createDictItemValidator>, ctx: Ctx) {
    const type = await liveType(typeCode)
    await refuseClash(type.code, input.code)
    const siblings = await db.from('dict_items').where('type_code', type.code)
    const nextSort = Math.max(0, ...siblings.map(effectiveItemSort)) + 1
    const row = {
      type_code: type.code,
      code: input.code,
      label_zh: input.labelZh,
      label_en: input.labelEn,
      sort: input.sort ?? nextSort,
      color: input.color ?? null,
      origin: ADMIN,
      enabled: input.enabled ?? true,
    }
    const [id] = await db.table('dict_items').insert(row)
    await dictionariesCache.changed()
    const created = await db
      .from('dict_items')
      .where('type_code', type.code)
      .where('code', input.code)
      .first()
    await audit.record(ctx, {
      action: 'dict.item.create',
      entityType: 'dict_item',
      entityId: created?.id ?? id,
      after: row,
    })
    return itemJson(created)
  },

  /** See the rules at the top of this file. */
  async updateItem(
    typeCode: string,
    id: string | number,
    input: Infer<typeof updateDictItemValidator>,
    ctx: Ctx
  ) {
    const { type, item } = await liveItem(typeCode, id)
    let patch: Record<string, unknown>
    if (item.origin === ADMIN) {
      if (input.code !== undefined && input.code !== item.code) {
        await refuseClash(type.code, input.code)
      }
      patch = {
        code: input.code ?? item.code,
        label_zh: input.labelZh || item.label_zh,
        label_en: input.labelEn || item.label_en,
        sort: input.sort ?? item.sort,
        color: input.color === undefined ? item.color : input.color,
        enabled: input.enabled ?? Boolean(Number(item.enabled)),
      }
    } else {
      if (input.code !== undefined && input.code !== item.code) {
        throw RegistryError.refused('code', 'declared', 'registry.dict.itemCodeLocked')
      }
      if (input.color !== undefined && (input.color ?? null) !== (item.color ?? null)) {
        throw RegistryError.refused('color', 'declared', 'registry.dict.itemColorLocked')
      }
      patch = {
        custom_label_zh:
          input.labelZh === undefined
            ? item.custom_label_zh
            : unchanged(input.labelZh, item.label_zh),
        custom_label_en:
          input.labelEn === undefined
            ? item.custom_label_en
            : unchanged(input.labelEn, item.label_en),
        custom_sort:
          input.sort === undefined
            ? item.custom_sort
            : input.sort === null || input.sort === item.sort
              ? null
              : input.sort,
        enabled: input.enabled ?? Boolean(Number(item.enabled)),
      }
    }
    await db.from('dict_items').where('id', item.id).update(patch)
    await dictionariesCache.changed()
    await audit.record(ctx, {
      action: 'dict.item.update',
      entityType: 'dict_item',
      entityId: item.id,
      before: pick(item, Object.keys(patch)),
      after: patch,
      detail: `${type.code}:${item.code}`,
    })
    return itemJson({ ...item, ...patch })
  },

  /** Administrators' items only. */
  async deleteItem(typeCode: string, id: string | number, ctx: Ctx) {
    const { type, item } = await liveItem(typeCode, id)
    if (item.origin !== ADMIN) {
      throw RegistryError.refused('code', 'declared', 'registry.dict.itemNotDeletable', {
        label: { zh: item.label_zh, en: item.label_en },
        source: await sourceName(type.source),
      })
    }
    await db.from('dict_items').where('id', item.id).delete()
    await dictionariesCache.changed()
    await audit.record(ctx, {
      action: 'dict.item.delete',
      entityType: 'dict_item',
      entityId: item.id,
      before: item,
      detail: `${type.code}:${item.code}`,
    })
  },

  /**
   * The full new order. Declared items keep their manifest order in `sort` and
   * get `custom_sort`.
   */
  async reorder(typeCode: string, ids: number[], ctx: Ctx) {
    const type = await liveType(typeCode)
    const items = await db.from('dict_items').where('type_code', type.code)
    const known = new Set(items.map((i) => Number(i.id)))
    if (
      ids.length !== known.size ||
      new Set(ids).size !== ids.length ||
      ids.some((id) => !known.has(id))
    ) {
      throw RegistryError.refused('ids', 'order', 'registry.dict.reorderMismatch')
    }
    const byId = new Map(items.map((i) => [Number(i.id), i]))
    await db.transaction(async (trx) => {
      for (const [index, id] of ids.entries()) {
        const item = byId.get(id)!
        const position = index + 1
        const patch =
          item.origin === ADMIN
            ? { sort: position }
            : { custom_sort: position === item.sort ? null : position }
        await trx.from('dict_items').where('id', id).update(patch)
      }
      await dictionariesCache.changed(trx)
    })
    await audit.record(ctx, {
      action: 'dict.item.reorder',
      entityType: 'dict_type',
      entityId: type.code,
      before: {
        order: [...items]
          .sort((a, b) => effectiveItemSort(a) - effectiveItemSort(b))
          .map((i) => i.code),
      },
      after: { order: ids.map((id) => byId.get(id)!.code) },
    })
    const fresh = await db.from('dict_items').where('type_code', type.code)
    fresh.sort((a, b) => effectiveItemSort(a) - effectiveItemSort(b) || a.id - b.id)
    return typeJson(type, fresh)
  },
}
