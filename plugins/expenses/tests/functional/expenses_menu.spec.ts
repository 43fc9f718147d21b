import { test } from '@japa/runner'
import { tokenFor } from '#tests/helpers/auth'

/*
| Where 费用管理 sits (issue 13's menu list): 资产处置 › 诉讼管理 › 费用管理, after
| 诉中方案申报; 费用台账 under 台账管理 beside 诉讼台账. Read from the signed-in
| user's menu tree (/api/me), as the console builds the side menu.
*/
type Node = { code: string; children?: Node[] }
const find = (nodes: Node[], code: string): Node | undefined => {
  for (const n of nodes) {
    if (n.code === code) return n
    const inner = find(n.children ?? [], code)
    if (inner) return inner
  }
}

test.group('expenses: menu placement', () => {
  test('费用管理 under 资产处置 › 诉讼管理; 费用台账 under 台账管理', async ({
    client,
    assert,
  }) => {
    const me = await client.get('/api/me').bearerToken(await tokenFor('admin'))
    me.assertStatus(200)
    const menus = me.body().menus as Node[]
    const disposal = find(menus, 'disposal:root')!
    assert.exists(disposal)
    const litigation = (disposal.children ?? []).find((n) => n.code === 'litigation:root')!
    assert.exists(litigation, '诉讼管理 is in 资产处置')
    const codes = (litigation.children ?? []).map((n) => n.code)
    assert.include(codes, 'expenses:expenses')
    assert.isAbove(codes.indexOf('expenses:expenses'), codes.indexOf('litigation:proceedings'))
    assert.notInclude(
      (disposal.children ?? []).map((n) => n.code),
      'expenses:expenses'
    )
    const ledgers = find(menus, 'credit-assets:ledgers')!
    const ledgerCodes = (ledgers.children ?? []).map((n) => n.code)
    assert.includeMembers(ledgerCodes, [
      'expenses:ledger:expenses',
      'litigation:ledger:litigation-cases',
    ])
  })
})
