/*
| VineJS rule messages in both languages. The provider reads the locale of the
| request being served (AsyncLocalStorage), so controllers keep the plain
| `request.validateUsing(validator)` and users still get their language.
*/
import { HttpContext } from '@adonisjs/core/http'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { pickLocale, type Locale } from './messages.js'
import { promptOverride } from '../registry/prompts_cache.js'

const rules: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    required: '{field}不能为空',
    string: '{field}必须是文本',
    number: '{field}必须是数字',
    boolean: '{field}必须是是/否',
    minLength: '{field}至少 {min} 个字符',
    maxLength: '{field}最多 {max} 个字符',
    fixedLength: '{field}必须是 {size} 个字符',
    email: '{field}不是有效的邮箱地址',
    regex: '{field}格式不正确',
    enum: '{field}的取值无效',
    in: '{field}的取值无效',
    min: '{field}不能小于 {min}',
    max: '{field}不能大于 {max}',
    range: '{field}必须在 {min} 到 {max} 之间',
    positive: '{field}必须大于 0',
    withoutDecimals: '{field}必须是整数',
    decimal: '{field}的小数位数不正确',
    date: '{field}不是有效的日期',
    database: '{field}已存在或无效',
    unique: '{field}已存在',
    exists: '{field}不存在',
    money: '{field}必须是金额，最多两位小数',
    dictCode: '{field}不是数据字典中的有效选项',
    confirmed: '两次输入的{field}不一致',
    array: '{field}必须是列表',
    object: '{field}格式不正确',
  },
  'en': {
    required: 'The {field} field is required',
    string: 'The {field} field must be text',
    number: 'The {field} field must be a number',
    boolean: 'The {field} field must be yes or no',
    minLength: 'The {field} field needs at least {min} characters',
    maxLength: 'The {field} field allows at most {max} characters',
    fixedLength: 'The {field} field must have {size} characters',
    email: 'The {field} field must be a valid e-mail address',
    regex: 'The {field} field has the wrong format',
    enum: 'The {field} field has an invalid value',
    in: 'The {field} field has an invalid value',
    min: 'The {field} field must be at least {min}',
    max: 'The {field} field must be at most {max}',
    range: 'The {field} field must be between {min} and {max}',
    positive: 'The {field} field must be greater than 0',
    withoutDecimals: 'The {field} field must be a whole number',
    decimal: 'The {field} field has too many decimals',
    date: 'The {field} field must be a valid date',
    database: 'The {field} field is taken or invalid',
    unique: 'The {field} field is already taken',
    exists: 'The {field} field does not exist',
    money: 'The {field} field must be an amount with at most two decimals',
    dictCode: 'The {field} field must be one of its dictionary codes',
    confirmed: 'The {field} confirmation does not match',
    array: 'The {field} field must be a list',
    object: 'The {field} field has the wrong format',
  },
}

/** The rule texts by rule name, for 系统提示管理 (overridable as `validation.<rule>`). */
export const validationRuleMessages: Readonly<Record<Locale, Readonly<Record<string, string>>>> =
  rules

/** Field labels by name; validators may pass their own via `metaData`-free `fields` map. */
const fieldLabels: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    username: '用户名',
    password: '密码',
    title: '标题',
    name: '名称',
    code: '编码',
    amount: '金额',
    remark: '备注',
    value: '参数值',
  },
  'en': {
    username: 'username',
    password: 'password',
    title: 'title',
    name: 'name',
    code: 'code',
    amount: 'amount',
    remark: 'remark',
    value: 'value',
  },
}

export class LocalizedMessagesProvider implements MessagesProviderContact {
  /** Labels contributed by plugins for their own fields (`<field>` → label per locale). */
  static extraLabels: Record<Locale, Record<string, string>> = { 'zh-CN': {}, 'en': {} }

  getMessage(
    defaultMessage: string,
    rule: string,
    field: FieldContext,
    args?: Record<string, any>
  ) {
    const locale = pickLocale(HttpContext.get()?.request.header('accept-language'))
    const template = promptOverride(locale, `validation.${rule}`) ?? rules[locale][rule]
    if (!template) return defaultMessage
    const name = String(field.name)
    const label =
      LocalizedMessagesProvider.extraLabels[locale][name] ?? fieldLabels[locale][name] ?? name
    return template.replace(/\{(\w+)\}/g, (_, key) =>
      key === 'field' ? label : String(args?.[key] ?? '')
    )
  }
}
