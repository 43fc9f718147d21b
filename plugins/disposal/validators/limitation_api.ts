/*
| Input of the public limitation service (services/limitation_api.ts): what
| another plugin passes when a suit is filed, a judgment given … Unknown fields
| are refused (refuseUnknown) before this runs.
*/
import vine from '@vinejs/vine'
import { calendarDate } from '#core/holidays/validators'

const date = () => vine.string().trim().use(calendarDate())

export const limitationApiEventValidator = vine.compile(
  vine.object({
    loanIds: vine
      .array(vine.number().withoutDecimals().min(1))
      .minLength(1)
      .maxLength(200)
      .distinct(),
    date: date(),
    performanceDeadline: date().optional(),
    proofRef: vine.string().trim().minLength(1).maxLength(200),
    signed: vine.boolean().optional(),
    remark: vine.string().trim().maxLength(500).optional(),
    source: vine.object({
      plugin: vine
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9-]{0,39}$/),
      kind: vine.string().trim().minLength(1).maxLength(40),
      id: vine.string().trim().minLength(1).maxLength(64),
      label: vine.string().trim().maxLength(200).optional(),
    }),
    operatorId: vine.number().withoutDecimals().min(1),
  })
)
