import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'

/* 全方位动态监测 input: strict objects (unknown keys refused by the controller). */
export const pullValidator = vine.compile(
  vine.object({ businessDate: vine.string().use(calendarDate()).optional() })
)

const value = () => vine.string().trim().maxLength(300).nullable().optional()
export const MASTER_CHANGE_FIELDS = ['name', 'phone', 'address', 'legalRepresentative'] as const
export const masterValidator = vine.compile(
  vine.object({
    changes: vine.object({
      name: vine.string().trim().minLength(1).maxLength(200).optional(),
      phone: value(),
      address: value(),
      legalRepresentative: value(),
    }),
  })
)
