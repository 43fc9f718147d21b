import { test } from '@japa/runner'
import { tokenFor } from '#tests/helpers/auth'

/*
| Issue 12 defect 14 (part): a deeply nested JSON body answered 500 with
| "Maximum call stack size exceeded". Nesting is limited; deeper input is a
| 400 in the user's language, and nothing of the stack reaches the client.
*/
const base = () => `http://${process.env.HOST}:${process.env.PORT}`
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)

test.group('Security · deeply nested JSON', () => {
  for (const [name, body] of [
    ['arrays', deep(200_000)],
    ['objects', deepObject(100_000)],
    ['moderately deep', deep(5_000)],
    ['just past the limit', deep(65)],
  ] as const) {
    test(`${name} answer 400, not a stack overflow`, async ({ assert }) => {
      // Raw text: the test client would itself overflow serialising such a value.
      const response = await fetch(`${base()}/api/workflow/instances/1/approve`, {
        method: 'POST',
        headers: {
          'authorization': `Bearer ${await tokenFor('bj_asset')}`,
          'content-type': 'application/json',
          'accept-language': 'en',
        },
        body,
      })
      const text = await response.text()
      assert.equal(response.status, 400, text.slice(0, 200))
      assert.notInclude(text, 'stack')
      assert.include(JSON.parse(text).message, 'nested')
    })
  }

  test('ordinary nesting still passes the body parser', async ({ client }) => {
    const response = await client
      .post('/api/workflow/instances/999999/approve')
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '同意', extra: { a: [[[1]]] } })
    response.assertStatus(404)
  })
})
