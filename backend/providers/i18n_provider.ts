import type { ApplicationService } from '@adonisjs/core/types'
import { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { pickLocale, translate, type Locale } from '#core/i18n/messages'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** zh-CN unless the request asks for English (Accept-Language). */
    locale: Locale
    i18n(key: string, data?: Record<string, unknown>): string
  }
}

/** Request locale, translated server messages and localized VineJS errors. */
export default class I18nProvider {
  constructor(protected app: ApplicationService) {}

  boot() {
    HttpContext.getter('locale', function (this: HttpContext) {
      return pickLocale(this.request.header('accept-language'))
    })
    // A getter returning a bound function, so `({ i18n })` destructuring works in handlers.
    HttpContext.getter('i18n', function (this: HttpContext) {
      return (key: string, data?: Record<string, unknown>) => translate(this.locale, key, data)
    })
    vine.messagesProvider = new LocalizedMessagesProvider()
  }
}
