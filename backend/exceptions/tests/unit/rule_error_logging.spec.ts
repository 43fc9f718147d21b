import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#core/exceptions/handler'
import { RuleError } from '#core/plugins/rule_error'

/*
| A refused business rule (RuleError, 4xx) is an expected answer: the handler
| logs it at info with its code, never at warn/error; a 5xx RuleError is still
| reported as an error.
*/
async function reported(error: unknown) {
  const ctx = await testUtils.createHttpContext()
  const lines: { level: string; data: any; msg: string }[] = []
  const spy = (level: string) => (data: any, msg: string) => lines.push({ level, data, msg })
  ;(ctx as any).logger = {
    info: spy('info'),
    debug: spy('debug'),
    warn: spy('warn'),
    error: spy('error'),
    fatal: spy('fatal'),
    log: (level: string, data: any, msg: string) => lines.push({ level, data, msg }),
  }
  await new HttpExceptionHandler().report(error, ctx)
  return lines
}

test.group('Exception handler · logging refusals', () => {
  for (const status of [403, 404, 409, 422]) {
    test(`a ${status} RuleError is logged at info with its code`, async ({ assert }) => {
      const lines = await reported(new RuleError(status, 'fourEyes.NOT_PENDING'))
      assert.deepEqual(
        lines.map((l) => [l.level, l.data.code, l.data.status]),
        [['info', 'fourEyes.NOT_PENDING', status]]
      )
    })
  }

  test('a 5xx RuleError is still reported as an error', async ({ assert }) => {
    const lines = await reported(new RuleError(503, 'http.serverError'))
    assert.deepEqual(
      lines.map((l) => l.level),
      ['error']
    )
  })
})
