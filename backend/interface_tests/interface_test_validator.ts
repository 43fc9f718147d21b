import vine from '@vinejs/vine'

const code = vine
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,63}$/)
/** An outbound interface code, or `<plugin>.<code>` of an inbound one (system `gateway`). */
const interfaceCode = vine
  .string()
  .trim()
  .maxLength(64)
  .regex(/^[a-z][a-z0-9-]{1,63}(\.[a-z][a-z0-9-]{1,63})?$/)

export const runValidator = vine.compile(
  vine.object({
    system: code.clone(),
    interface: interfaceCode.clone(),
    payload: vine.any(),
  })
)

export const caseValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(100),
    system: code.clone(),
    interface: interfaceCode.clone(),
    payload: vine.any(),
    expect: vine.enum(['success', 'failure']),
  })
)

export const suiteValidator = vine.compile(
  vine.object({ systems: vine.array(code.clone()).maxLength(50).optional() })
)
