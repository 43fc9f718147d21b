import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'

export const appKey = new Secret(env.get('APP_KEY'))

/** demo: seeds the demo bank and its accounts. production (the default when unset): seeds no account, no password. */
export const appMode = env.get('APP_MODE', 'production')

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  // VineJS messages read the request's locale through AsyncLocalStorage.
  useAsyncLocalStorage: true,
  // The console is served from the same origin; the app sits behind the bank's proxy.
  trustProxy: () => true,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
