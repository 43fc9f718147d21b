import vine from '@vinejs/vine'

export const loginValidator = vine.compile(
  vine.object({
    username: vine.string().trim().minLength(1).maxLength(64),
    password: vine.string().minLength(1).maxLength(128),
  })
)
