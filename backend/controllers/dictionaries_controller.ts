import db from '@adonisjs/lucid/services/db'

/** GET /api/dictionaries — every active dictionary, for rendering codes as labels. */
export default class DictionariesController {
  async index() {
    const items = await db
      .from('dict_items')
      .join('dict_types', 'dict_types.code', 'dict_items.type_code')
      .where('dict_types.active', true)
      .where('dict_items.enabled', true)
      .select('dict_items.*')
    items.sort((a, b) => (a.custom_sort ?? a.sort) - (b.custom_sort ?? b.sort))
    const result: Record<
      string,
      Array<{ code: string; label: { zh: string; en: string }; color: string | null }>
    > = {}
    for (const item of items) {
      ;(result[item.type_code] ??= []).push({
        code: item.code,
        label: {
          zh: item.custom_label_zh ?? item.label_zh,
          en: item.custom_label_en ?? item.label_en,
        },
        color: item.color,
      })
    }
    return result
  }
}
