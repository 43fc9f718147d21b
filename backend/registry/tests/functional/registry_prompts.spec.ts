import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'
import { promptsCache } from '#core/registry/prompts_cache'
import { admin, call, auditRows } from '#tests/helpers/registry_admin'

/*
| 系统提示管理 administration, through the API.
*/

test.group('系统提示管理', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // The prompts copy lives in memory; never let one test's override reach the next.
  group.each.teardown(() => promptsCache.invalidate())

  test('lists every server message and VineJS rule text with its defaults', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const all = (
      await call(client, token, 'get', '/api/system/prompts?perPage=200&keyword=invalidCredentials')
    ).body()
    assert.deepInclude(all.data[0], {
      key: 'auth.invalidCredentials',
      kind: 'message',
      default: { zh: '用户名或密码错误', en: 'Wrong username or password' },
      override: null,
    })
    const rules = (
      await call(client, token, 'get', '/api/system/prompts?kind=validation&perPage=200')
    ).body()
    const required = rules.data.find((p: any) => p.key === 'validation.required')
    assert.deepEqual(required.placeholders, ['field'])
    assert.isAbove(rules.meta.total, 10)
  })

  test('an override changes a real 422 message and the login error, in each language', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const put = (key: string, body: object) =>
      call(client, token, 'put', `/api/system/prompts/${key}`, body)
    // Each body differs: the same change twice within seconds is refused as a repeat submit.
    let attempt = 0
    const missingCode = () =>
      call(client, token, 'post', '/api/system/dictionaries', {
        nameZh: `无编码${++attempt}`,
        nameEn: 'No code',
      })
    const wrongLogin = (locale: string) =>
      client
        .post('/api/auth/login')
        .header('Accept-Language', locale)
        .json({ username: 'nobody_registry_spec', password: 'Wrong@12345' })

    try {
      ;(await put('validation.required', { zh: '请填写{field}', en: null })).assertStatus(200)
      const refused = await missingCode()
      refused.assertStatus(422)
      assert.equal(refused.body().errors[0].message, '请填写编码')

      ;(
        await put('auth.invalidCredentials', {
          zh: '账号或密码不对，请联系管理员',
          en: 'Sign-in failed',
        })
      ).assertStatus(200)
      assert.equal((await wrongLogin('zh-CN')).body().message, '账号或密码不对，请联系管理员')
      assert.equal((await wrongLogin('en')).body().message, 'Sign-in failed')

      const listed = (
        await call(client, token, 'get', '/api/system/prompts?overridden=true&perPage=200')
      ).body()
      assert.sameMembers(
        listed.data.map((p: any) => p.key),
        ['validation.required', 'auth.invalidCredentials']
      )

      const rows = await auditRows('prompt.update', 'auth.invalidCredentials')
      if (rows) assert.lengthOf(rows, 1)
    } finally {
      await put('validation.required', { zh: null, en: null })
      await put('auth.invalidCredentials', { zh: null, en: null })
    }
    // Cleared: the defaults are back.
    assert.equal((await missingCode()).body().errors[0].message, '编码不能为空')
    assert.equal((await wrongLogin('zh-CN')).body().message, '用户名或密码错误')
  })

  test('placeholders the default lacks are refused; unknown keys are 404; console keys are free', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const bad = await call(client, token, 'put', '/api/system/prompts/validation.maxLength', {
      zh: '{field}太长，最多{limit}字',
    })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'zh')
    assert.include(bad.body().errors[0].message, '{limit}')
    ;(
      await call(client, token, 'put', '/api/system/prompts/no.such.key', { zh: '随便' })
    ).assertStatus(404)

    try {
      ;(
        await call(client, token, 'put', '/api/system/prompts/console.home.welcome', {
          zh: '欢迎使用',
          en: 'Welcome',
        })
      ).assertStatus(200)
      const clerk = await userWith({ permissions: [] })
      const texts = (await client.get('/api/prompts').bearerToken(clerk.token)).body()
      assert.deepEqual(texts['console.home.welcome'], { zh: '欢迎使用', en: 'Welcome' })
    } finally {
      await call(client, token, 'put', '/api/system/prompts/console.home.welcome', {
        zh: null,
        en: null,
      })
    }
  })
})
