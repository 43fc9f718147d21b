import { test } from '@japa/runner'
import { HmacTicketProvider } from '#core/identity/sso/hmac_ticket_provider'
import { currentRateLimits } from '#core/identity/rate_limit'

/*
| A portal ticket is single-use. When the store that remembers used nonces
| (Redis) cannot answer, the ticket is refused rather than accepted unchecked:
| otherwise a replayed ticket would open a session during an outage.
*/
test.group('SSO nonce store down', () => {
  test('a valid ticket is refused while the nonce store fails, accepted once it is back', async ({
    assert,
  }) => {
    const provider = new HmacTicketProvider('portal-test', 'secret-for-this-test-only')
    const limits = currentRateLimits()
    const claim = limits.claim
    limits.claim = async () => {
      throw new Error('ECONNREFUSED 127.0.0.1:6379')
    }
    try {
      const ticket = HmacTicketProvider.sign('secret-for-this-test-only', { username: 'bj_asset' })
      assert.isNull(await provider.verify(ticket))
    } finally {
      limits.claim = claim
    }
    const fresh = HmacTicketProvider.sign('secret-for-this-test-only', { username: 'bj_asset' })
    assert.deepEqual(await provider.verify(fresh), { username: 'bj_asset' })
    assert.isNull(await provider.verify(fresh), 'and only once')
  })
})
