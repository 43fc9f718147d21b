/*
| Where e-mail goes: the bank's SMTP relay from SMTP_HOST / SMTP_PORT /
| MAIL_FROM (optional SMTP_USER, SMTP_PASSWORD, SMTP_SECURE). Without SMTP_HOST
| e-mail is not configured: deliveries are recorded as skipped (the embedded
| demo has no mail server), not failed.
*/
import env from '#start/env'

export interface SmtpSettings {
  host: string
  port: number
  secure: boolean
  user?: string
  password?: string
  from: string
}

let override: SmtpSettings | null | undefined

export const mailSettings = {
  current(): SmtpSettings | null {
    if (override !== undefined) return override
    const host = env.get('SMTP_HOST')
    if (!host) return null
    return {
      host,
      port: env.get('SMTP_PORT', 25),
      secure: env.get('SMTP_SECURE', false),
      user: env.get('SMTP_USER'),
      password: env.get('SMTP_PASSWORD'),
      from: env.get('MAIL_FROM', `risk-assets@${host}`),
    }
  },

  /**
   * Points mail at another server (the tests' local SMTP server on a free port,
   * known only after boot); `undefined` goes back to the environment. The caller
   * closes the cached mailer (`mail.close('smtp')`) so the next send reconnects.
   */
  override(settings: SmtpSettings | null | undefined) {
    override = settings
  },
}
