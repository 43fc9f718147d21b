import vine from '@vinejs/vine'
import { money } from '#core/money/money_rule'
import { dictCode } from '#core/validators/dictionary_code'

/** Statuses are the codes of the dictionary the manifest declares (数据字典), not a list here. */
const status = () =>
  vine
    .string()
    .trim()
    .use(dictCode({ type: 'relief_status' }))

const fields = {
  title: vine.string().trim().minLength(1).maxLength(200),
  amount: vine
    .string()
    .trim()
    .use(money({ min: '0', max: '9999999999999.99' })),
  status: status(),
  remark: vine.string().trim().maxLength(1000).nullable().optional(),
  /** The controller checks it through credit-assets' public service, in the user's scope. */
  customerId: vine.number().withoutDecimals().positive().nullable().optional(),
}

export const createPlanValidator = vine.compile(vine.object(fields))

export const updatePlanValidator = vine.compile(
  vine.object({
    title: fields.title.optional(),
    amount: vine
      .string()
      .trim()
      .use(money({ min: '0', max: '9999999999999.99' }))
      .optional(),
    status: status().optional(),
    remark: fields.remark,
    customerId: fields.customerId,
  })
)
