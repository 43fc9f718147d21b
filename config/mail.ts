import { defineConfig } from '@adonisjs/mail'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'
import type { InferMailers } from '@adonisjs/mail/types'
import { mailSettings } from '#core/messages/mail_settings'

/*
| E-mail through the bank's SMTP relay (backend/messages/mail_settings.ts
| reads SMTP_HOST, SMTP_PORT, MAIL_FROM…). The transport is built when first
| used rather than from values frozen at boot, so a test can start its own SMTP
| server on a free port and point mail at it. Without SMTP_HOST nothing is sent
| (deliveries are recorded as skipped); this transport is then never built.
*/
const mailConfig = defineConfig({
  default: 'smtp',
  mailers: {
    smtp: () => {
      const settings = mailSettings.current()
      if (!settings) throw new Error('E-mail is not configured (SMTP_HOST is not set)')
      return new SMTPTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        auth:
          settings.user && settings.password
            ? { type: 'login', user: settings.user, pass: settings.password }
            : undefined,
      })
    },
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
