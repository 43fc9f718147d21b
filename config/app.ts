import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'
import proxyAddr from 'proxy-addr'

/*
| APP_KEY signs and encrypts. Production refuses to boot with a short key or one
| that ships in this repository (the test and e2e keys).
*/
const KNOWN_KEYS = [
  'test-only-key-0123456789abcdefghijklmnopqrstuvwxyz',
  'e2e-only-key-0123456789abcdefghijklmnopqrstuvwxyz',
]
const rawKey = env.get('APP_KEY')
if (
  app.inProduction &&
  (rawKey.length < 32 || KNOWN_KEYS.includes(rawKey) || new Set(rawKey).size < 10)
) {
  throw new Error(
    'APP_KEY is missing or weak: set a random value of at least 32 characters (node ace generate:key)'
  )
}
export const appKey = new Secret(rawKey)

/** demo: seeds the demo bank and its accounts. production (the default when unset): seeds no account, no password. */
export const appMode = env.get('APP_MODE', 'production')

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  // VineJS messages read the request's locale through AsyncLocalStorage.
  useAsyncLocalStorage: true,
  /*
  | X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES
  | (proxy-addr syntax, default loopback); otherwise a client could pick the IP
  | that sign-in limits, sessions and the audit log record.
  */
  trustProxy: proxyAddr.compile(
    env
      .get('TRUSTED_PROXIES', 'loopback')
      .split(',')
      .map((s) => s.trim())
  ),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
