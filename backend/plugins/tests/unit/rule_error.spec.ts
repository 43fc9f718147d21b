import { test } from '@japa/runner'
import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/plugins/rule_error'
import { translate, type Locale } from '#core/i18n/messages'

/** Just what RuleError.answer uses of a request: its language and the response. */
function fakeCtx(locale: Locale) {
  const sent: { status?: number; body?: any } = {}
  const ctx = {
    locale,
    i18n: (key: string, data?: Record<string, unknown>) => translate(locale, key, data),
    response: {
      status(code: number) {
        sent.status = code
        return this
      },
      send(body: unknown) {
        sent.body = body
        return body
      },
    },
  }
  return { ctx: ctx as unknown as HttpContext, sent }
}

test.group('RuleError answers', () => {
  test('a 404 says only that the record is not there', async ({ assert }) => {
    const { ctx, sent } = fakeCtx('zh-CN')
    await RuleError.notFound().answer(ctx)
    assert.equal(sent.status, 404)
    assert.deepEqual(sent.body, { message: '记录不存在或无权访问' })
  })

  test('a state conflict carries its code, and its text in the caller language', async ({
    assert,
  }) => {
    const error = new RuleError(409, 'demo.locked', {
      text: { zh: '{name}已锁定', en: '{name} is locked' },
      data: { name: { zh: '方案', en: 'The plan' } },
    })
    const zh = fakeCtx('zh-CN')
    await error.answer(zh.ctx)
    assert.deepEqual(zh.sent.body, { message: '方案已锁定', code: 'demo.locked' })
    const en = fakeCtx('en')
    await error.answer(en.ctx)
    assert.equal(en.sent.status, 409)
    assert.deepEqual(en.sent.body, { message: 'The plan is locked', code: 'demo.locked' })
  })

  test('a server message of the same key wins over the default text', async ({ assert }) => {
    const { ctx, sent } = fakeCtx('zh-CN')
    await new RuleError(400, 'http.badJson', { text: { zh: '别的', en: 'other' } }).answer(ctx)
    assert.equal(sent.body.message, '提交的数据不是有效的 JSON')
  })

  test('a 422 lists the fields it is about', async ({ assert }) => {
    const { ctx, sent } = fakeCtx('en')
    await RuleError.invalid([
      { field: 'code', rule: 'unique', text: { zh: '编码已存在', en: 'Code exists' } },
    ]).answer(ctx)
    assert.equal(sent.status, 422)
    assert.equal(sent.body.message, 'Some fields need your attention')
    assert.deepEqual(sent.body.errors, [{ field: 'code', rule: 'unique', message: 'Code exists' }])
  })

  test('a ready message is shown as is, with extra body fields', async ({ assert }) => {
    const { ctx, sent } = fakeCtx('zh-CN')
    await new RuleError(422, 'demo.refused', {
      message: '业务处理拒绝：余额不足',
      body: { rule: 'balance' },
    }).answer(ctx)
    assert.deepEqual(sent.body, {
      message: '业务处理拒绝：余额不足',
      code: 'demo.refused',
      rule: 'balance',
    })
  })
})
