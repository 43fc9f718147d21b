import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { changeSettingValue } from '#core/settings/update_setting'
import { itemFor } from '../../../committee/services/committee_api.js'
import { registerCommitteeKind } from '../../startup.js'
import { API, applicant, approvedApplication, doubtfulLoan } from '../helpers.js'

/*
| The amount rule: at or above 参数 transfer.committeeThreshold the approved
| application waits for the 资产处置委员会 (待上会) with an item of kind
| `transfer:application`; below it it is 已批准 at once.
*/
test.group('transfer: the committee where the amount says', (group) => {
  // The kind is registered by the plugin's startup hook in a running server; here by hand.
  group.setup(() => registerCommitteeKind())
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('book value at the threshold → 待上会 with a committee item; below → 已批准', async ({
    client,
    assert,
  }) => {
    // The loan's book value is 201 500.00 (本金 200 000.00 + 表内利息 1 500.00).
    await changeSettingValue('transfer.committeeThreshold', '201500.00', null)
    const me = await applicant()
    const at = await approvedApplication(client, me.token, [(await doubtfulLoan()).loanId])
    const held = await client.get(`${API}/applications/${at}`).bearerToken(me.token)
    assert.equal(held.body().status, 'committee')
    const item = await itemFor({ plugin: 'transfer', kind: 'application', id: at })
    assert.equal(item?.kind, 'transfer:application')
    assert.equal(item?.amount, '201500.00')

    await changeSettingValue('transfer.committeeThreshold', '201500.01', null)
    const below = await approvedApplication(client, me.token, [(await doubtfulLoan()).loanId])
    const free = await client.get(`${API}/applications/${below}`).bearerToken(me.token)
    assert.equal(free.body().status, 'approved')
    assert.isNull(await itemFor({ plugin: 'transfer', kind: 'application', id: below }))
  })
})
