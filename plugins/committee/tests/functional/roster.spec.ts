import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { committee, orgIdOf } from '../committee_helpers.js'

/*
| 委员名单 per organising org: saved with the rules' permission (audited), read by
| whoever prepares meetings of an org in their scope; members must be able to vote.
*/
test.group('committee roster', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a branch’s roster is saved, read back in order and audited; another branch’s is 404', async ({
    client,
    assert,
  }) => {
    const bj = await orgIdOf('110000')
    const people = await committee(3, '110000', 'org_and_below')
    const [m0, m1, m2] = people.members.map((m) => m.user.id)
    const admin = await tokenFor('admin')
    const saved = await client
      .put(`/api/committee/roster/${bj}`)
      .json({ chairId: m1, secretaryId: people.secretary.user.id, memberIds: [m1, m0, m2] })
      .bearerToken(admin)
    saved.assertStatus(200)
    assert.deepEqual(saved.body(), {
      orgId: bj,
      chairId: m1,
      secretaryId: people.secretary.user.id,
      memberIds: [m1, m0, m2],
    })
    const read = await client.get(`/api/committee/roster/${bj}`).bearerToken(people.secretary.token)
    read.assertStatus(200)
    assert.deepEqual(read.body().memberIds, [m1, m0, m2])
    const audit = await db
      .from('audit_logs')
      .where({ action: 'committee.roster.update', entity_id: String(bj) })
    assert.lengthOf(audit, 1)

    const shanghai = await orgIdOf('310000')
    ;(
      await client.get(`/api/committee/roster/${shanghai}`).bearerToken(people.secretary.token)
    ).assertStatus(404)
  })

  test('422: the chair outside the members, a member who may not vote, an unknown field', async ({
    client,
    assert,
  }) => {
    const bj = await orgIdOf('110000')
    const people = await committee(2, '110000')
    const [m0, m1] = people.members.map((m) => m.user.id)
    const plain = await userWith({ permissions: ['committee:meeting:list'] })
    const admin = await tokenFor('admin')
    const put = (body: object) =>
      client.put(`/api/committee/roster/${bj}`).json(body).bearerToken(admin)
    const chair = await put({ chairId: plain.user.id, secretaryId: null, memberIds: [m0, m1] })
    chair.assertStatus(422)
    assert.include(chair.body().message, '主任委员')
    const voter = await put({ chairId: m0, secretaryId: null, memberIds: [m0, plain.user.id] })
    voter.assertStatus(422)
    assert.include(voter.body().message, '没有表决权限')
    const extra = await put({ chairId: m0, secretaryId: null, memberIds: [m0], orgId: 1 })
    extra.assertStatus(422)
    ;(
      await client
        .put(`/api/committee/roster/${bj}`)
        .json({ chairId: m0, secretaryId: null, memberIds: [m0] })
        .bearerToken(people.secretary.token)
    ).assertStatus(403)
  })
})
