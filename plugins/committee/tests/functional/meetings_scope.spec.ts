import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { committee, item, meetingInput, orgIdOf, registerTestKinds } from '../committee_helpers.js'
import { sitting } from '../sitting_helpers.js'

/*
| Meetings beyond one sitting: a branch meeting's items and who sees it, bad
| input refused with field messages (422), and the form's pickers.
*/

test.group('committee meetings: scope and bad input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.setup(() => registerTestKinds())

  test('a branch meeting takes its branch’s items only and is seen by that branch and head office', async ({
    client,
    assert,
  }) => {
    const bj = await orgIdOf('110000')
    const people = await committee(3, '110000', 'org_and_below')
    const s = sitting(client, people)
    const own = await item('test-writeoff:plan', { orgId: await orgIdOf('110101') })
    const shanghai = await item('test-writeoff:plan', { orgId: await orgIdOf('310000') })
    const created = await s.create(meetingInput(people, bj, { meetingType: 'branch' }))
    created.assertStatus(201)
    const id = created.body().id
    const refused = await s.agenda(id, [shanghai])
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'itemIds')
    ;(await s.agenda(id, [own])).assertStatus(200)

    const hq = await userWith({ permissions: ['committee:meeting:list'], dataScope: 'all' })
    const sh = await userWith({
      permissions: ['committee:meeting:list'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    ;(await s.show(id, hq.token)).assertStatus(200)
    ;(await s.show(id, sh.token)).assertStatus(404)
    const list = await client.get('/api/committee/meetings').bearerToken(sh.token)
    assert.notInclude(
      list.body().data.map((m: any) => m.id),
      id
    )
    // A branch cannot organise a head-office meeting, nor a meeting of another branch.
    ;(await s.create(meetingInput(people, await orgIdOf('000000')))).assertStatus(422)
    ;(
      await s.create(meetingInput(people, await orgIdOf('310000'), { meetingType: 'branch' }))
    ).assertStatus(422)
  })

  test('422 with field messages: impossible date, chair not a member, unknown field, a member who may not vote', async ({
    client,
    assert,
  }) => {
    const people = await committee(2)
    const s = sitting(client, people)
    const hq = await orgIdOf('000000')
    const date = await s.create(meetingInput(people, hq, { meetingDate: '2026-02-30' }))
    date.assertStatus(422)
    assert.equal(date.body().errors[0].field, 'meetingDate')
    assert.include(date.body().errors[0].message, '会议日期')
    const chair = await s.create(meetingInput(people, hq, { chairId: people.secretary.user.id }))
    chair.assertStatus(422)
    assert.equal(chair.body().errors[0].field, 'chairId')
    const extra = await s.create({ ...meetingInput(people, hq), status: 'closed' })
    extra.assertStatus(422)
    assert.equal(extra.body().errors[0].field, 'status')
    const novote = await userWith({ permissions: ['committee:meeting:list'] })
    const member = await s.create(
      meetingInput(people, hq, {
        memberIds: [...people.members.map((m) => m.user.id), novote.user.id],
      })
    )
    member.assertStatus(422)
    assert.include(member.body().message, '没有表决权限')
    const rule = await client
      .put('/api/committee/rules/hq')
      .json({
        quorum: { num: 3, den: 2 },
        pass: { num: 2, den: 3, basis: 'attendees', compare: 'gte' },
        options: ['agree', 'abstain'],
        chairVeto: false,
        ballot: 'named',
        partyMustAbstain: true,
        tie: 'reject',
      })
      .bearerToken(await tokenFor('admin'))
    rule.assertStatus(422)
    assert.deepEqual(
      rule.body().errors.map((e: any) => e.field),
      ['quorum.num', 'options']
    )
    // Without the permission: 403.
    const reader = await userWith({ permissions: ['committee:meeting:list'] })
    ;(
      await client
        .post('/api/committee/meetings')
        .json(meetingInput(people, hq))
        .bearerToken(reader.token)
    ).assertStatus(403)
  })
})

test.group('committee meetings: form pickers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('members are offered from the holders of the vote permission; orgs by meeting type in scope', async ({
    client,
    assert,
  }) => {
    const people = await committee(1, '110000', 'org_and_below')
    const plain = await userWith({ permissions: ['committee:meeting:list'], orgCode: '110000' })
    const voters = await client
      .get('/api/committee/people-options')
      .qs({ voters: true, perPage: 50, keyword: '测试用户' })
      .bearerToken(people.secretary.token)
    voters.assertStatus(200)
    const ids = voters.body().data.map((o: any) => o.value)
    assert.include(ids, people.members[0].user.id)
    assert.notInclude(ids, plain.user.id)
    const orgs = await client
      .get('/api/committee/org-options')
      .qs({ meetingType: 'branch' })
      .bearerToken(people.secretary.token)
    assert.deepEqual(
      orgs.body().map((o: any) => o.id),
      [await orgIdOf('110000')]
    )
    const hq = await client
      .get('/api/committee/org-options')
      .qs({ meetingType: 'hq' })
      .bearerToken(people.secretary.token)
    assert.lengthOf(hq.body(), 0)
  })
})
