/*
| A parameter's value must parse as its declared type before it is stored, and
| is stored in one canonical text form so every reader parses it the same way:
|
| - number:  a decimal ("20", "-1.5"); no exponent, no thousands separator. A
|            parameter declared with a whole-number default ("5") is a count —
|            failures, days, a page size — read with settings.integer(), so it
|            takes whole numbers only; declare "1.0" to accept decimals.
| - amount:  yuan with at most two decimals, 0 to 9 999 999 999 999.99 (the
|            money() rule's range), stored as "1234.50" like every amount in the API.
| - boolean: "true" or "false".
| - json:    any JSON text that parses.
| - string:  at most STRING_MAX characters.
*/
import { Money } from '#core/money/money'

export const STRING_MAX = 500
export const AMOUNT_MAX = '9999999999999.99'

const NUMBER = /^-?\d{1,18}(\.\d{1,10})?$/
const WHOLE = /^-?\d{1,18}$/
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/

export type SettingCheck =
  | { ok: true; value: string }
  /** `message` is a server message key, `data` fills its placeholders. */
  | { ok: false; message: string; data?: Record<string, unknown> }

export function checkSettingValue(
  type: string,
  input: string,
  declaredDefault?: string
): SettingCheck {
  switch (type) {
    case 'number': {
      const value = input.trim()
      if (declaredDefault !== undefined && WHOLE.test(declaredDefault.trim())) {
        return WHOLE.test(value)
          ? { ok: true, value }
          : { ok: false, message: 'registry.setting.integer' }
      }
      return NUMBER.test(value)
        ? { ok: true, value }
        : { ok: false, message: 'registry.setting.number' }
    }
    case 'amount': {
      const value = input.trim().replace(/[,，\s]/g, '')
      if (!AMOUNT.test(value))
        return { ok: false, message: 'registry.setting.amount', data: { max: AMOUNT_MAX } }
      return { ok: true, value: Money.fromYuan(value).toYuan() }
    }
    case 'boolean': {
      const value = input.trim()
      return value === 'true' || value === 'false'
        ? { ok: true, value }
        : { ok: false, message: 'registry.setting.boolean' }
    }
    case 'json':
      try {
        JSON.parse(input)
        return { ok: true, value: input }
      } catch {
        return { ok: false, message: 'registry.setting.json' }
      }
    default:
      return [...input].length <= STRING_MAX
        ? { ok: true, value: input }
        : { ok: false, message: 'registry.setting.stringTooLong', data: { max: STRING_MAX } }
  }
}

/** Kept for callers of the old boolean check (registry_controller before 参数管理). */
export function settingValueIsValid(type: string, value: string) {
  return checkSettingValue(type, value).ok
}
