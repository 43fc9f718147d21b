import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import { issueCaptcha } from '#core/identity/captcha'
import { rememberPassword } from '#core/identity/password_policy'
import { HmacTicketProvider } from '#core/identity/sso/hmac_ticket_provider'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { grantRole, makeRole } from '#tests/factories/identity'

const login = (
  client: any,
  username: string,
  password: string,
  extra: Record<string, string> = {}
) => client.post('/api/auth/login').json({ username, password, ...extra })

const sql = (dt: DateTime) => dt.toFormat('yyyy-MM-dd HH:mm:ss')

test.group('Login security', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('five wrong passwords lock the name for that address; the right one is refused there, not elsewhere', async ({
    client,
    assert,
  }) => {
    // Its own address: the lock (kept in the rate limiter, not rolled back with the test) binds only it.
    const from = (ip: string) => ({ 'x-forwarded-for': ip })
    const attempt = (password: string, ip: string, extra: Record<string, string> = {}) =>
      client
        .post('/api/auth/login')
        .headers(from(ip))
        .json({ username: 'bj_cy_am', password, ...extra })
    for (let i = 1; i <= 2; i++) (await attempt('wrong', '10.77.0.1')).assertStatus(400)
    // The third failure is where the captcha starts being required; answer each one.
    for (let i = 3; i <= 5; i++) {
      const captcha = await issueCaptcha('AB23')
      const response = await attempt('wrong', '10.77.0.1', {
        captchaId: captcha.id,
        captchaAnswer: 'AB23',
      })
      response.assertStatus(400)
      if (i === 5) assert.equal(response.body().code, 'LOCKED')
    }
    const locked = await attempt('Manager@12345', '10.77.0.1')
    locked.assertStatus(400)
    assert.equal(locked.body().code, 'LOCKED')
    assert.match(locked.body().message, /账号已锁定/)

    // Someone mistyping a colleague's name cannot lock the colleague out of their own desk.
    const elsewhere = await attempt('Manager@12345', '10.77.0.2')
    elsewhere.assertStatus(200)
    assert.isFalse(elsewhere.body().mustChangePassword)
  })

  test('after three failures a captcha is required, and only the right answer lets the password through', async ({
    client,
    assert,
  }) => {
    for (let i = 0; i < 3; i++) (await login(client, 'auditor', 'wrong')).assertStatus(400)

    const without = await login(client, 'auditor', 'Audit@12345')
    without.assertStatus(400)
    assert.equal(without.body().code, 'CAPTCHA')
    assert.isTrue(without.body().captchaRequired)

    const wrongAnswer = await issueCaptcha('XY45')
    const wrong = await login(client, 'auditor', 'Audit@12345', {
      captchaId: wrongAnswer.id,
      captchaAnswer: 'NOPE',
    })
    assert.equal(wrong.body().code, 'CAPTCHA')

    const right = await issueCaptcha('XY45')
    const ok = await login(client, 'auditor', 'Audit@12345', {
      captchaId: right.id,
      captchaAnswer: 'xy45',
    })
    ok.assertStatus(200)
    // A captcha is single-use.
    const replay = await login(client, 'auditor', 'wrong', {
      captchaId: right.id,
      captchaAnswer: 'XY45',
    })
    assert.equal(replay.body().code, 'INVALID')
  })

  test('the captcha endpoint returns a PNG picture', async ({ client, assert }) => {
    const response = await client.get('/api/auth/captcha')
    response.assertStatus(200)
    assert.match(response.body().image, /^data:image\/png;base64,/)
    assert.isString(response.body().id)
  })

  test('an initial password must be changed first, and the policy is enforced', async ({
    client,
    assert,
  }) => {
    const user = await db.from('users').where('username', 'bj_asset').first()
    await db.from('users').where('id', user.id).update({ must_change_password: true })
    await rememberPassword(user.id, user.password)

    const first = await login(client, 'bj_asset', 'Asset@12345')
    first.assertStatus(200)
    assert.isTrue(first.body().mustChangePassword)
    const restricted = first.body().token

    const blocked = await client.get('/api/system/users').bearerToken(restricted)
    blocked.assertStatus(403)
    assert.equal(blocked.body().code, 'PASSWORD_CHANGE_REQUIRED')
    const me = await client.get('/api/me').bearerToken(restricted)
    assert.isTrue(me.body().user.mustChangePassword)
    assert.deepEqual(me.body().menus, [])

    const weak = await client
      .post('/api/auth/password')
      .bearerToken(restricted)
      .json({ oldPassword: 'Asset@12345', newPassword: 'abc' })
    weak.assertStatus(422)
    assert.includeMembers(
      weak.body().errors.map((e: any) => e.rule),
      ['minLength', 'classes']
    )

    const reused = await client
      .post('/api/auth/password')
      .bearerToken(restricted)
      .json({ oldPassword: 'Asset@12345', newPassword: 'Asset@12345' })
    reused.assertStatus(422)
    assert.include(
      reused.body().errors.map((e: any) => e.rule),
      'reused'
    )

    const wrongOld = await client
      .post('/api/auth/password')
      .bearerToken(restricted)
      .json({ oldPassword: 'nope', newPassword: 'Branch#2026new' })
    wrongOld.assertStatus(422)
    assert.equal(wrongOld.body().errors[0].field, 'oldPassword')

    const changed = await client
      .post('/api/auth/password')
      .bearerToken(restricted)
      .json({ oldPassword: 'Asset@12345', newPassword: 'Branch#2026new' })
    changed.assertStatus(200)
    ;(await client.get('/api/me').bearerToken(restricted)).assertStatus(401)
    const full = await client.get('/api/system/users').bearerToken(changed.body().token)
    full.assertStatus(200)
    const row = await db.from('users').where('id', user.id).first()
    assert.isFalse(Boolean(row.must_change_password))
    assert.isTrue(await hash.verify(row.password, 'Branch#2026new'))
  })

  test('an expired password forces a change', async ({ client, assert }) => {
    await db
      .from('users')
      .where('username', 'hq_risk')
      .update({ password_changed_at: sql(DateTime.now().minus({ days: 91 })) })
    const response = await login(client, 'hq_risk', 'Risk@12345')
    response.assertStatus(200)
    assert.isTrue(response.body().mustChangePassword)
    assert.equal(response.body().passwordChangeReason, 'expired')
  })

  test('an unknown username gets the same answer as a wrong password', async ({
    client,
    assert,
  }) => {
    const unknown = await login(client, 'nobody_here', 'whatever')
    const wrong = await login(client, 'ops', 'whatever')
    assert.equal(unknown.status(), wrong.status())
    assert.equal(unknown.body().message, wrong.body().message)
  })
})

test.group('Sessions (在线用户)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists live sessions with IP, user agent and the portal-supplied MAC', async ({
    client,
    assert,
  }) => {
    const signedIn = await client
      .post('/api/auth/login')
      .header('user-agent', 'ClerkBrowser/1.0')
      .header('x-client-mac', '00-1a-2b-3c-4d-5e')
      .json({ username: 'bj_cy_am', password: 'Manager@12345' })
    signedIn.assertStatus(200)
    const admin = await tokenFor('admin')
    const list = await client
      .get('/api/system/sessions')
      .bearerToken(admin)
      .qs({ keyword: 'bj_cy_am' })
    list.assertStatus(200)
    const session = list.body().data[0]
    assert.equal(session.username, 'bj_cy_am')
    assert.equal(session.userAgent, 'ClerkBrowser/1.0')
    assert.equal(session.clientMac, '00-1A-2B-3C-4D-5E')
    assert.isString(session.ip)
  })

  test('a kicked session gets 401 on its next request', async ({ client }) => {
    const victim = (await login(client, 'bj_cy_am', 'Manager@12345')).body().token
    ;(await client.get('/api/me').bearerToken(victim)).assertStatus(200)
    const admin = await tokenFor('admin')
    const sessions = (
      await client.get('/api/system/sessions').bearerToken(admin).qs({ keyword: 'bj_cy_am' })
    ).body().data
    ;(
      await client.delete(`/api/system/sessions/${sessions[0].id}`).bearerToken(admin)
    ).assertStatus(204)
    ;(await client.get('/api/me').bearerToken(victim)).assertStatus(401)
  })

  test('an administrator cannot kick their own session, nor one outside their scope', async ({
    client,
    assert,
  }) => {
    const branchAdmin = await userWith({
      permissions: ['system:session:list', 'system:session:kick'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const own = (await client.get('/api/system/sessions').bearerToken(branchAdmin.token)).body()
      .data
    assert.isTrue(own.every((s: any) => s.username === branchAdmin.user.username))
    ;(
      await client.delete(`/api/system/sessions/${own[0].id}`).bearerToken(branchAdmin.token)
    ).assertStatus(422)

    await login(client, 'bj_cy_am', 'Manager@12345')
    const beijing = await db
      .from('auth_access_tokens')
      .join('users', 'users.id', 'auth_access_tokens.tokenable_id')
      .where('users.username', 'bj_cy_am')
      .select('auth_access_tokens.id')
      .first()
    ;(
      await client.delete(`/api/system/sessions/${beijing.id}`).bearerToken(branchAdmin.token)
    ).assertStatus(404)
  })

  test('listing and kicking need their permission codes', async ({ client }) => {
    const nobody = await userWith({ permissions: [] })
    ;(await client.get('/api/system/sessions').bearerToken(nobody.token)).assertStatus(403)
    ;(await client.delete('/api/system/sessions/1').bearerToken(nobody.token)).assertStatus(403)
  })
})

test.group('Portal single sign-on', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const secret = 'test-only-portal-secret'

  test('a signed ticket signs the user in once', async ({ client, assert }) => {
    const ticket = HmacTicketProvider.sign(secret, { username: 'bj_asset' })
    const response = await client.post('/api/auth/sso').json({ provider: 'portal', ticket })
    response.assertStatus(200)
    const me = await client.get('/api/me').bearerToken(response.body().token)
    assert.equal(me.body().user.username, 'bj_asset')
    ;(await client.post('/api/auth/sso').json({ provider: 'portal', ticket })).assertStatus(400)
  })

  test('forged, expired and unknown-provider tickets are refused', async ({ client }) => {
    const forged = HmacTicketProvider.sign('another-secret', { username: 'admin' })
    ;(await client.post('/api/auth/sso').json({ provider: 'portal', ticket: forged })).assertStatus(
      400
    )
    const old = HmacTicketProvider.sign(secret, {
      username: 'admin',
      issuedAt: Math.floor(Date.now() / 1000) - 3600,
    })
    ;(await client.post('/api/auth/sso').json({ provider: 'portal', ticket: old })).assertStatus(
      400
    )
    ;(await client.post('/api/auth/sso').json({ provider: 'nope', ticket: forged })).assertStatus(
      400
    )
  })
})

test.group('Data scope follows the permission in use', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('branch-wide for users, own org only for the org tree', async ({ client, assert }) => {
    const { user, token } = await userWith({
      permissions: ['system:user:list'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    // A second role of the same user: the org tree, but only the user's own org.
    await grantRole(
      user,
      await makeRole({ name: '窄范围', permissions: ['system:org:list'], scope: 'org' })
    )

    const users = (await client.get('/api/system/users').bearerToken(token).qs({ perPage: 100 }))
      .body()
      .data.map((u: any) => u.username)
    assert.includeMembers(users, ['bj_asset', 'bj_cy_am'])
    const tree = (await client.get('/api/system/orgs/tree').bearerToken(token)).body()
    assert.deepEqual(
      tree.map((o: any) => o.code),
      ['110000']
    )
    assert.deepEqual(tree[0].children, [])
  })
})

test.group('Repeat-submit guard', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the same change sent twice at once is done once; a different change passes', async ({
    client,
    assert,
  }) => {
    const holder = await userWith({ permissions: ['system:setting:update'] })
    const send = (value: string) =>
      client.put('/api/system/settings/system.bank.name').bearerToken(holder.token).json({ value })
    ;(await send('第一银行')).assertStatus(200)
    const again = await send('第一银行')
    again.assertStatus(409)
    assert.equal(again.body().code, 'REPEAT_SUBMIT')
    ;(await send('第二银行')).assertStatus(200)
  })
})
