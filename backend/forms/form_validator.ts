/*
| 表单构建 input. Names follow the whitelist patterns of field_types.ts; types
| are an enum; nothing here is ever SQL. Unknown keys are refused by the
| controller (refuseUnknownFields) and, inside operations, by `strict` objects.
*/
import vine from '@vinejs/vine'
import {
  FIELD_CODE,
  FIELD_TYPES,
  FORM_CODE,
  RESERVED_COLUMNS,
  TEXT_MAX_LENGTH,
} from './field_types.js'

const label = () => vine.string().trim().minLength(1).maxLength(100)
const fieldCode = () =>
  vine
    .string()
    .trim()
    .regex(FIELD_CODE)
    .notIn([...RESERVED_COLUMNS])

const field = () =>
  vine.object({
    code: fieldCode(),
    labelZh: label(),
    labelEn: label(),
    type: vine.enum(FIELD_TYPES),
    length: vine.number().withoutDecimals().range([1, TEXT_MAX_LENGTH]).optional(),
    dictionary: vine
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.:-]{0,63}$/)
      .optional(),
    required: vine.boolean().optional(),
    unique: vine.boolean().optional(),
    indexed: vine.boolean().optional(),
  })

const menuParent = () =>
  vine
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9:_-]{0,99}$/)
    .nullable()
    .optional()

export const createFormValidator = vine.compile(
  vine.object({
    code: vine.string().trim().regex(FORM_CODE),
    nameZh: label(),
    nameEn: label(),
    menuParent: menuParent(),
    menuOrder: vine.number().withoutDecimals().range([1, 999]).optional(),
    ledger: vine.boolean().optional(),
    fields: vine.array(field()).minLength(1).maxLength(100),
  })
)

export const settingsValidator = vine.compile(
  vine.object({
    nameZh: label(),
    nameEn: label(),
    menuParent: menuParent(),
    menuOrder: vine.number().withoutDecimals().range([1, 999]).optional(),
    ledger: vine.boolean().optional(),
  })
)

const operation = vine
  .group([
    vine.group.if((d) => d.op === 'addField', {
      op: vine.literal('addField'),
      field: field(),
    }),
    vine.group.if((d) => d.op === 'widen', {
      op: vine.literal('widen'),
      code: fieldCode(),
      length: vine.number().withoutDecimals().range([1, TEXT_MAX_LENGTH]),
    }),
    vine.group.if((d) => d.op === 'relabel', {
      op: vine.literal('relabel'),
      code: fieldCode(),
      labelZh: label(),
      labelEn: label(),
    }),
    vine.group.if((d) => d.op === 'deactivateField', {
      op: vine.literal('deactivateField'),
      code: fieldCode(),
    }),
    vine.group.if((d) => d.op === 'deactivateForm', { op: vine.literal('deactivateForm') }),
  ])
  .otherwise((_value, context) => {
    context.report('The {{ field }} field must name a known operation', 'operation', context)
  })

export const changeValidator = vine.compile(
  vine.object({
    operations: vine.array(vine.object({}).merge(operation)).minLength(1).maxLength(100),
  })
)
