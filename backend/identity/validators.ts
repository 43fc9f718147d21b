import vine from '@vinejs/vine'

export const loginValidator = vine.compile(
  vine.object({
    username: vine.string().trim().minLength(1).maxLength(64),
    password: vine.string().minLength(1).maxLength(128),
    captchaId: vine.string().trim().maxLength(36).optional(),
    captchaAnswer: vine.string().trim().maxLength(8).optional(),
  })
)

export const changePasswordValidator = vine.compile(
  vine.object({
    oldPassword: vine.string().minLength(1).maxLength(128),
    newPassword: vine.string().minLength(1).maxLength(128),
  })
)

export const ssoValidator = vine.compile(
  vine.object({
    provider: vine.string().trim().maxLength(40),
    ticket: vine.string().trim().minLength(1).maxLength(4096),
  })
)
