import { defineConfig } from '@adonisjs/auth'
import { tokensGuard } from '@adonisjs/auth/access_tokens'
import type { InferAuthEvents, Authenticators } from '@adonisjs/auth/types'
import { sessionUserProvider } from '#core/identity/session_user_provider'

/*
| Opaque bearer tokens stored server-side (auth_access_tokens): every request
| checks the token and its user, so logout or an administrator's kick takes
| effect at once on every app node. The rows are held per node between requests
| and dropped by every change (backend/identity/session_cache.ts).
*/
const authConfig = defineConfig({
  default: 'api',
  guards: {
    api: tokensGuard({
      provider: sessionUserProvider({
        tokens: 'accessTokens',
        model: () => import('#core/identity/user'),
      }),
    }),
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
