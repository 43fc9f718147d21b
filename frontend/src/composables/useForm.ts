/*
| Create/edit form state for schema fields: the model, client-side rules (required,
| length, money format) and the server's 422 messages bound to el-form-item :error.
*/
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormItemRule } from 'element-plus'
import { ValidationError } from '@/api/http'
import type { CrudField } from '@/components/crud/types'
import { localize, currentLocale } from '@/i18n'
import { MONEY_INPUT, normalizeMoneyInput } from '@/utils/money'
import { isRelation } from '@/components/pickers/relations'

export type FormModel = Record<string, any>

export function emptyValue(field: CrudField): unknown {
  if (isRelation(field.type)) return field.multiple ? [] : null
  return field.type === 'number' ? undefined : ''
}

export function useForm(fields: () => CrudField[]) {
  const { t } = useI18n()
  const model = reactive<FormModel>({})
  /** Server-side messages per field, from a 422 answer. */
  const serverErrors = ref<Record<string, string>>({})

  function fill(source: FormModel = {}) {
    for (const key of Object.keys(model)) delete model[key]
    for (const field of fields()) {
      const value = source[field.prop]
      model[field.prop] = value === null || value === undefined ? emptyValue(field) : value
    }
    serverErrors.value = {}
  }

  /** Returns the 422 messages for fields not on this form, so the caller can show them elsewhere. */
  function applyServerErrors(error: ValidationError): string[] {
    const known = new Set(fields().map((f) => f.prop))
    serverErrors.value = { ...error.fields }
    return Object.entries(error.fields)
      .filter(([field]) => !known.has(field))
      .map(([, message]) => message)
  }

  function clearServerError(prop: string) {
    if (serverErrors.value[prop]) {
      const { [prop]: _removed, ...rest } = serverErrors.value
      serverErrors.value = rest
    }
  }

  const rules = computed(() => {
    const locale = currentLocale.value
    const result: Record<string, FormItemRule[]> = {}
    for (const field of fields()) {
      const name = localize(field.label, locale)
      const list: FormItemRule[] = []
      if (field.required)
        list.push({
          required: true,
          message: t('common.required', { field: name }),
          trigger:
            field.type === 'select' || field.type === 'date' || isRelation(field.type)
              ? 'change'
              : 'blur',
        })
      if (field.maxLength)
        list.push({
          max: field.maxLength,
          message: t('common.maxLength', { field: name, max: field.maxLength }),
          trigger: 'blur',
        })
      if (field.type === 'money') {
        list.push({
          trigger: 'blur',
          validator: (_rule, value, callback) => {
            const text = normalizeMoneyInput(String(value ?? ''))
            callback(
              text === '' || MONEY_INPUT.test(text)
                ? undefined
                : new Error(t('common.invalidMoney'))
            )
          },
        })
      }
      result[field.prop] = list
    }
    return result
  })

  /** The body to send: schema fields only; money normalised as a string; blanks as null. */
  function payload(): FormModel {
    const body: FormModel = {}
    for (const field of fields()) {
      let value = model[field.prop]
      if (field.type === 'money' && typeof value === 'string') value = normalizeMoneyInput(value)
      if (value === '' || value === undefined) value = null
      body[field.prop] = value
    }
    return body
  }

  return { model, serverErrors, rules, fill, applyServerErrors, clearServerError, payload }
}
