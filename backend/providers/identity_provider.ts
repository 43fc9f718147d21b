import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import { ssoProviders } from '#core/identity/sso/sso_provider'
import { HmacTicketProvider } from '#core/identity/sso/hmac_ticket_provider'

/* Registers the portal SSO provider when its secret is configured, and the four-eyes kinds of the identity areas. */
export default class IdentityProvider {
  constructor(protected app: ApplicationService) {}

  boot() {
    const secret = env.get('SSO_PORTAL_SECRET')
    if (secret) ssoProviders.register(new HmacTicketProvider('portal', secret))
  }

  /** Four-eyes change kinds must be known before an approval arrives on any node. */
  async ready() {
    await import('#core/organization/role_changes')
    await import('#core/organization/user_changes')
    await import('#core/settings/freeze_change')
  }

  async shutdown() {
    const { closeRateLimiter } = await import('#core/identity/rate_limit')
    await closeRateLimiter()
  }
}
