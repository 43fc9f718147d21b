import vine from '@vinejs/vine'
import { money } from '#core/money/money_rule'

/*
| What a plugin submits (committee_api.submitItem). Strict: an unknown field is
| refused by the service, amounts are yuan text (never a float), links are console
| paths.
*/
export const ITEM_FIELDS = [
  'kind',
  'title',
  'amount',
  'recordRef',
  'orgId',
  'materials',
  'submittedBy',
  'parties',
] as const

const consolePath = () =>
  vine
    .string()
    .trim()
    .maxLength(300)
    .regex(/^\/(?!\/)[^\s]*$/)

export const submitItemValidator = vine.compile(
  vine.object({
    kind: vine.string().trim().maxLength(80),
    title: vine.string().trim().minLength(1).maxLength(200),
    amount: vine
      .string()
      .trim()
      .use(money({ min: '0', max: '9999999999999.99' })),
    recordRef: vine.object({
      plugin: vine
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9-]{1,39}$/),
      kind: vine
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9_-]{0,63}$/),
      id: vine.string().trim().minLength(1).maxLength(64),
    }),
    orgId: vine.number().withoutDecimals().positive(),
    submittedBy: vine.number().withoutDecimals().positive(),
    materials: vine
      .array(
        vine.object({
          name: vine.string().trim().minLength(1).maxLength(200),
          link: consolePath().optional(),
        })
      )
      .maxLength(50)
      .optional(),
    parties: vine.array(vine.number().withoutDecimals().positive()).maxLength(50).optional(),
  })
)
