/*
| Input of the registry area: 数据字典, 系统提示, 参数 and 菜单 administration.
*/
import vine from '@vinejs/vine'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'

/* Field names of this area as users read them in 422 messages. */
Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  nameZh: '中文名称',
  nameEn: '英文名称',
  labelZh: '中文标签',
  labelEn: '英文标签',
  sort: '排序',
  color: '样式',
  enabled: '启用',
  ids: '排序列表',
  frozen: '冻结',
  zh: '中文文字',
  en: '英文文字',
  customNameZh: '自定义中文名称',
  customNameEn: '自定义英文名称',
  customSort: '自定义排序',
  hidden: '隐藏',
  parentCode: '上级菜单',
  icon: '图标',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  nameZh: 'Chinese name',
  nameEn: 'English name',
  labelZh: 'Chinese label',
  labelEn: 'English label',
  sort: 'order',
  color: 'style',
  enabled: 'enabled',
  ids: 'order list',
  frozen: 'frozen',
  zh: 'Chinese text',
  en: 'English text',
  customNameZh: 'custom Chinese name',
  customNameEn: 'custom English name',
  customSort: 'custom order',
  hidden: 'hidden',
  parentCode: 'parent menu',
  icon: 'icon',
})

/** Dictionary type codes are snake_case like the ones plugins declare (`loan_status`). */
export const DICT_TYPE_CODE = /^[a-z][a-z0-9_]{1,63}$/
/** Item codes are what business tables store: letters, digits, `_ . -`. */
export const DICT_ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
/** An Element Plus tag type, or a CSS hex colour. */
const COLOR = /^(primary|success|warning|danger|info|#[0-9a-fA-F]{6})$/

const name100 = () => vine.string().trim().minLength(1).maxLength(100)
const sort = () => vine.number().withoutDecimals().range([-100000, 100000])

/* ---- 数据字典 ---------------------------------------------------------------- */

export const createDictTypeValidator = vine.compile(
  vine.object({
    code: vine.string().trim().regex(DICT_TYPE_CODE),
    nameZh: name100(),
    nameEn: name100(),
  })
)

/** Declared types: the names become the administrator's (custom); null or '' returns to the declared one. */
export const updateDictTypeValidator = vine.compile(
  vine.object({
    nameZh: vine.string().trim().maxLength(100).nullable(),
    nameEn: vine.string().trim().maxLength(100).nullable(),
  })
)

export const createDictItemValidator = vine.compile(
  vine.object({
    code: vine.string().trim().regex(DICT_ITEM_CODE),
    labelZh: name100(),
    labelEn: name100(),
    sort: sort().optional(),
    color: vine.string().trim().regex(COLOR).nullable().optional(),
    enabled: vine.boolean().optional(),
  })
)

/**
 * One shape for both kinds of item. Administrators' items change freely; on a
 * plugin's item, labels and sort become the custom_* columns (null or '' = the
 * declared value again) and code/color must stay as declared.
 */
export const updateDictItemValidator = vine.compile(
  vine.object({
    code: vine.string().trim().regex(DICT_ITEM_CODE).optional(),
    labelZh: vine.string().trim().maxLength(100).nullable().optional(),
    labelEn: vine.string().trim().maxLength(100).nullable().optional(),
    sort: sort().nullable().optional(),
    color: vine.string().trim().regex(COLOR).nullable().optional(),
    enabled: vine.boolean().optional(),
  })
)

export const reorderDictItemsValidator = vine.compile(
  vine.object({
    ids: vine.array(vine.number().withoutDecimals().positive()).minLength(1).maxLength(1000),
  })
)

/* ---- 参数管理 ---------------------------------------------------------------- */

/** `value: null` returns the parameter to its declared default. */
export const settingValueValidator = vine.compile(
  vine.object({ value: vine.string().maxLength(4000).nullable() })
)

export const settingFreezeValidator = vine.compile(vine.object({ frozen: vine.boolean() }))

export const settingListValidator = vine.compile(
  vine.object({ category: vine.enum(['business', 'technical']).optional() })
)

/* ---- 系统提示管理 ------------------------------------------------------------- */

/** Keys the console may keep its own texts under (GET /api/prompts). */
export const CONSOLE_PROMPT_KEY = /^console\.[A-Za-z0-9_.-]{1,140}$/

export const promptListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    kind: vine.enum(['message', 'validation', 'console', 'other']).optional(),
    overridden: vine.boolean().optional(),
    sort: vine.enum(['key']).optional(),
    order: vine.enum(['asc', 'desc']).optional(),
  })
)

/** Both empty = remove the override (the defaults apply again). */
export const promptOverrideValidator = vine.compile(
  vine.object({
    zh: vine.string().trim().maxLength(1000).nullable().optional(),
    en: vine.string().trim().maxLength(1000).nullable().optional(),
  })
)

/* ---- 菜单管理 ---------------------------------------------------------------- */

export const updateMenuValidator = vine.compile(
  vine.object({
    customNameZh: vine.string().trim().maxLength(100).nullable().optional(),
    customNameEn: vine.string().trim().maxLength(100).nullable().optional(),
    customSort: sort().nullable().optional(),
    hidden: vine.boolean().optional(),
  })
)

/** An administrator's own directory; its code gets the `admin:` prefix. */
export const createMenuValidator = vine.compile(
  vine.object({
    code: vine
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_-]{1,39}$/),
    nameZh: name100(),
    nameEn: name100(),
    icon: vine
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/)
      .nullable()
      .optional(),
    parentCode: vine.string().trim().maxLength(128).nullable().optional(),
    sort: sort().optional(),
  })
)
