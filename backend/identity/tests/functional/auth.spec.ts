import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor } from '#tests/helpers/auth'

/** Every page key in a menu tree, however deep. */
const pagesOf = (menus: any[]): string[] =>
  menus.flatMap((m) => [...(m.page ? [m.page] : []), ...pagesOf(m.children ?? [])])

test.group('Sign-in and sessions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the demo administrator signs in and gets a menu', async ({ client, assert }) => {
    const login = await client
      .post('/api/auth/login')
      .json({ username: 'admin', password: 'Admin@12345' })
    login.assertStatus(200)
    const token = login.body().token
    assert.match(token, /^ram_/)

    const me = await client.get('/api/me').bearerToken(token)
    me.assertStatus(200)
    assert.equal(me.body().user.username, 'admin')
    assert.include(me.body().permissions, '*')
    const tops = me.body().menus.map((m: any) => m.code)
    assert.includeMembers(tops, ['system:root', 'system:ops'])
    const system = me.body().menus.find((m: any) => m.code === 'system:root')
    assert.deepEqual(
      system.children.map((c: any) => c.code),
      ['system:notices', 'system:params', 'system:access', 'system:workflow']
    )
    assert.includeMembers(pagesOf(me.body().menus), [
      'system/Users',
      'system/Menus',
      'system/Plugins',
      'system/OnlineUsers',
    ])
  })

  test("a wrong password is refused in the user's language", async ({ client, assert }) => {
    const zh = await client.post('/api/auth/login').json({ username: 'admin', password: 'wrong' })
    zh.assertStatus(400)
    assert.equal(zh.body().message, '用户名或密码错误')
    const en = await client
      .post('/api/auth/login')
      .header('accept-language', 'en-US,en;q=0.9')
      .json({ username: 'admin', password: 'wrong' })
    assert.equal(en.body().message, 'Wrong username or password')
  })

  test('missing fields get 422 with a message per field', async ({ client, assert }) => {
    const response = await client.post('/api/auth/login').json({})
    response.assertStatus(422)
    assert.deepEqual(
      response.body().errors.map((e: any) => [e.field, e.message]),
      [
        ['username', '用户名不能为空'],
        ['password', '密码不能为空'],
      ]
    )
  })

  test('logout revokes the token at once', async ({ client }) => {
    const token = await tokenFor('admin')
    ;(await client.get('/api/me').bearerToken(token)).assertStatus(200)
    ;(await client.post('/api/auth/logout').bearerToken(token)).assertStatus(204)
    ;(await client.get('/api/me').bearerToken(token)).assertStatus(401)
  })

  test('no token, no API', async ({ client }) => {
    ;(await client.get('/api/me')).assertStatus(401)
    ;(await client.get('/api/system/users')).assertStatus(401)
    ;(await client.get('/api/me').bearerToken('ram_forged.token')).assertStatus(401)
  })

  test('a branch user sees only the menus their permissions open', async ({ client, assert }) => {
    const token = await tokenFor('bj_asset')
    const me = (await client.get('/api/me').bearerToken(token)).body()
    const pages = pagesOf(me.menus)
    assert.includeMembers(pages, ['system/Users', 'system/Orgs'])
    assert.notInclude(
      me.menus.map((m: any) => m.code),
      'system:ops'
    )
    assert.notInclude(pages, 'system/Menus')
    assert.notInclude(pages, 'system/Settings')
  })
})
