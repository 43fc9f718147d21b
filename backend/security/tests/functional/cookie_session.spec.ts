/*
| Beyond the fixes (issue 12): the console's session lives in an HttpOnly,
| SameSite=Strict cookie (Secure over https) that script cannot read, and every
| state-changing request of a cookie session needs the double-submit CSRF token.
| Bearer clients (integrations, the approval simulator) are unchanged.
*/
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { HmacTicketProvider } from '#core/identity/sso/hmac_ticket_provider'
import { clearRateLimits } from '#tests/helpers/database'

type Cookies = Record<string, { value: string; attributes: string[] }>

/** Set-Cookie lines → name: value and lower-cased attributes. */
function setCookies(headers: Record<string, any>): Cookies {
  const lines: string[] = [headers['set-cookie'] ?? []].flat()
  const cookies: Cookies = {}
  for (const line of lines) {
    const [pair, ...attributes] = line.split(';').map((p) => p.trim())
    const [name, ...value] = pair.split('=')
    cookies[name] = { value: value.join('='), attributes: attributes.map((a) => a.toLowerCase()) }
  }
  return cookies
}

async function cookieLogin(client: ApiClient, https = false) {
  let request = client
    .post('/api/auth/login')
    .header('X-Auth-Mode', 'cookie')
    .json({ username: 'admin', password: 'Admin@12345' })
  if (https) request = request.header('X-Forwarded-Proto', 'https')
  const response = await request
  response.assertStatus(200)
  const cookies = setCookies(response.headers())
  return {
    response,
    cookies,
    header: `ram_session=${cookies.ram_session.value}; ram_csrf=${cookies.ram_csrf.value}`,
    csrf: cookies.ram_csrf.value,
  }
}

test.group('Security / cookie session and CSRF', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('a console sign-in sets an HttpOnly session cookie and keeps the token out of the body', async ({
    client,
    assert,
  }) => {
    const { response, cookies } = await cookieLogin(client)
    assert.notProperty(response.body(), 'token')
    assert.equal(response.body().user.username, 'admin')
    assert.match(cookies.ram_session.value, /^ram_/)
    assert.includeMembers(cookies.ram_session.attributes, [
      'httponly',
      'samesite=strict',
      'path=/api',
    ])
    assert.notInclude(cookies.ram_session.attributes, 'secure')
    assert.notInclude(cookies.ram_csrf.attributes, 'httponly')
    assert.includeMembers(cookies.ram_csrf.attributes, ['samesite=strict', 'path=/'])
    assert.match(cookies.ram_csrf.value, /^[\w-]{43}$/)
    // Browser-session cookies: no persistent expiry.
    assert.isFalse(cookies.ram_session.attributes.some((a) => a.startsWith('max-age')))
  })

  test('over https both cookies are Secure', async ({ client, assert }) => {
    const { cookies } = await cookieLogin(client, true)
    assert.include(cookies.ram_session.attributes, 'secure')
    assert.include(cookies.ram_csrf.attributes, 'secure')
  })

  test('the cookie authenticates reads; writes need the matching CSRF header', async ({
    client,
    assert,
  }) => {
    const { header, csrf } = await cookieLogin(client)
    const me = await client.get('/api/me').header('cookie', header)
    me.assertStatus(200)
    assert.equal(me.body().user.username, 'admin')

    const body = { oldPassword: 'not-the-password', newPassword: 'Another@12345x' }
    const forged = await client.post('/api/auth/password').header('cookie', header).json(body)
    forged.assertStatus(403)
    assert.equal(forged.body().code, 'CSRF')
    assert.equal(forged.body().message, '请求缺少有效的防伪令牌，请刷新页面后重试')
    const wrong = await client
      .post('/api/auth/password')
      .header('cookie', header)
      .header('X-CSRF-Token', `${csrf.slice(0, -1)}x`)
      .header('accept-language', 'en')
      .json(body)
    wrong.assertStatus(403)
    assert.match(wrong.body().message, /anti-forgery/)
    // The header alone (a cookie the attacker cannot read) is no better.
    const headerOnly = await client
      .post('/api/auth/password')
      .header('cookie', `ram_session=${header.split(';')[0].split('=')[1]}`)
      .header('X-CSRF-Token', csrf)
      .json(body)
    headerOnly.assertStatus(403)
    const right = await client
      .post('/api/auth/password')
      .header('cookie', header)
      .header('X-CSRF-Token', csrf)
      .json(body)
    right.assertStatus(422) // authenticated and past CSRF: only the old password is wrong
  })

  test('logout revokes the session and clears both cookies', async ({ client, assert }) => {
    const { header, csrf } = await cookieLogin(client)
    ;(await client.post('/api/auth/logout').header('cookie', header)).assertStatus(403)
    const out = await client
      .post('/api/auth/logout')
      .header('cookie', header)
      .header('X-CSRF-Token', csrf)
    out.assertStatus(204)
    const cleared = setCookies(out.headers())
    assert.equal(cleared.ram_session.value, '')
    assert.equal(cleared.ram_csrf.value, '')
    ;(await client.get('/api/me').header('cookie', header)).assertStatus(401)
  })

  test('signing in again over a stale session cookie works without a CSRF token', async ({
    client,
  }) => {
    const { header } = await cookieLogin(client)
    const again = await client
      .post('/api/auth/login')
      .header('cookie', header.split(';')[0])
      .header('X-Auth-Mode', 'cookie')
      .json({ username: 'admin', password: 'Admin@12345' })
    again.assertStatus(200)
  })

  test('bearer clients keep the token in the body and need no CSRF token', async ({
    client,
    assert,
  }) => {
    const login = await client
      .post('/api/auth/login')
      .json({ username: 'admin', password: 'Admin@12345' })
    login.assertStatus(200)
    const token = login.body().token
    assert.match(token, /^ram_/)
    assert.isUndefined(login.headers()['set-cookie'])
    ;(await client.post('/api/auth/logout').bearerToken(token)).assertStatus(204)
  })

  test('portal SSO in cookie mode sets the session cookie', async ({ client, assert }) => {
    const ticket = HmacTicketProvider.sign('test-only-portal-secret', { username: 'bj_asset' })
    const response = await client
      .post('/api/auth/sso')
      .header('X-Auth-Mode', 'cookie')
      .json({ provider: 'portal', ticket })
    response.assertStatus(200)
    assert.notProperty(response.body(), 'token')
    const cookies = setCookies(response.headers())
    const me = await client
      .get('/api/me')
      .header('cookie', `ram_session=${cookies.ram_session.value}`)
    assert.equal(me.body().user.username, 'bj_asset')
  })
})
