import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor } from '#tests/helpers/auth'
import { TEST_TYPE, registerTestType } from '#tests/helpers/workflow'

/*
| Issue 12 defect 10: `1,00` was read as 100.00 and `1,000,00` as 100000.00.
| An amount field of the API (the chain editor's 授权金额下限) answers 422 for
| a separator outside a group of three, and still takes a well-grouped one.
*/
test.group('Security · money separators at the API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

  const chain = (minAmount: string) => ({
    mode: 'internal',
    nodes: [
      {
        name: { zh: '审批', en: 'Approval' },
        org: 'branch',
        roles: ['branch_asset_manager'],
        mode: 'any',
        minAmount,
      },
    ],
  })

  test('misplaced separators are 422 with a field message', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    for (const amount of ['1,00', '1,000,00']) {
      const response = await client
        .put(`/api/system/workflow/types/${TEST_TYPE}`)
        .bearerToken(admin)
        .header('accept-language', 'zh-CN')
        .json(chain(amount))
      response.assertStatus(422)
      assert.include(JSON.stringify(response.body()), 'minAmount', amount)
    }
  })

  test('a well-grouped amount is read exactly', async ({ client, assert }) => {
    const response = await client
      .put(`/api/system/workflow/types/${TEST_TYPE}`)
      .bearerToken(await tokenFor('admin'))
      .json(chain('1,000,000.00'))
    response.assertStatus(200)
    assert.equal(response.body().nodes[0].minAmount, '1000000.00')
  })
})
