import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import { itemFor } from '../../services/committee_api.js'
import {
  committee,
  decided,
  item,
  meetingInput,
  orgIdOf,
  registerTestKinds,
} from '../committee_helpers.js'
import { decideItem, sitting } from '../sitting_helpers.js'

/*
| A sitting through the API: prepare (people, agenda), attendance with a proxy,
| open (the rule snapshotted), vote item by item, close, announce (the submitting
| plugin's callback in the same transaction), the 决议 and 会议纪要 PDFs; refusals
| (no quorum, ballots after announcement, someone else's vote), scope, audit.
*/

test.group('committee meetings: a sitting', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.setup(() => registerTestKinds())

  test('one sitting decides three items of three plugins; each plugin’s onDecided runs with its decision', async ({
    client,
    assert,
  }) => {
    const hq = await orgIdOf('000000')
    const people = await committee(3)
    const s = sitting(client, people)
    const writeOff = await item('test-writeoff:plan', { amount: '2500000.00' })
    const transfer = await item('test-transfer:batch', { amount: '18000000.00' })
    const relief = await item('test-relief:case', { amount: '350000.00' })

    const created = await s.create(meetingInput(people, hq))
    created.assertStatus(201)
    const id = created.body().id
    assert.match(created.body().meetingNo, /^ZHWY20260316\d{5}$/)
    // 会议通知 to everyone called who may open the meeting.
    const notices = await db
      .from('messages')
      .where('type', 'committee.meeting-called')
      .whereIn('user_id', [people.secretary.user.id, ...people.members.map((m) => m.user.id)])
    assert.lengthOf(notices, 4)
    assert.include(notices[0].title, '会议通知')
    assert.equal(notices[0].link, `/p/committee/Meetings?id=${id}`)
    ;(await s.agenda(id, [writeOff, transfer, relief])).assertStatus(200)
    ;(await s.allPresent(id)).assertStatus(200)
    const opened = await s.open(id)
    opened.assertStatus(200)
    assert.isTrue(opened.body().ruleSnapshot)

    decided.length = 0
    const a = await decideItem(s, id, writeOff, ['agree', 'agree', 'agree'])
    const b = await decideItem(s, id, transfer, ['agree', 'disagree', 'disagree'])
    const c = await decideItem(s, id, relief, ['agree', 'reconsider', 'reconsider'])
    assert.deepEqual([a.decision, b.decision, c.decision], ['passed', 'rejected', 'reconsider'])
    assert.deepEqual(
      [a.resolutionNo, b.resolutionNo, c.resolutionNo],
      ['总行资委决〔2026〕1号', '总行资委决〔2026〕2号', '总行资委决〔2026〕3号']
    )
    // Each plugin was told, inside the announcing transaction, with its own record.
    assert.deepEqual(
      decided.map((d) => [d.kind, d.decision, d.resolutionNo, d.inTrx]),
      [
        ['test-writeoff:plan', 'passed', '总行资委决〔2026〕1号', true],
        ['test-transfer:batch', 'rejected', '总行资委决〔2026〕2号', true],
        ['test-relief:case', 'reconsider', '总行资委决〔2026〕3号', true],
      ]
    )
    const rows = await db
      .from('committee_items')
      .whereIn('id', [writeOff, transfer, relief])
      .orderBy('id')
    assert.deepEqual(
      rows.map((r) => [r.status, r.decision]),
      [
        ['decided', 'passed'],
        ['decided', 'rejected'],
        ['pending', 'reconsider'], // 复议: back in the pool for a later sitting
      ]
    )
    const found = await itemFor({ plugin: 'test-writeoff', kind: 'plan', id: rows[0].record_id })
    assert.equal(found?.resolutionNo, '总行资委决〔2026〕1号')

    // Immutable once announced: no ballot, no recount, no second announcement.
    ;(await s.vote(id, writeOff, 1, 'disagree')).assertStatus(409)
    ;(await s.closeVoting(id, writeOff)).assertStatus(409)
    ;(await s.announce(id, writeOff)).assertStatus(409)
    ;(await s.openVoting(id, writeOff)).assertStatus(409)

    const minutes = await client
      .put(`/api/committee/meetings/${id}/minutes`)
      .json({ minutes: '会议审议了三项议题。' })
      .bearerToken(people.secretary.token)
    minutes.assertStatus(200)
    ;(
      await client.post(`/api/committee/meetings/${id}/close`).bearerToken(people.secretary.token)
    ).assertStatus(200)

    const resolution = await client
      .get(`/api/committee/meetings/${id}/items/${writeOff}/resolution.pdf`)
      .bearerToken(people.members[1].token)
    resolution.assertStatus(200)
    assert.equal(resolution.header('content-type'), 'application/pdf')
    const minutesPdf = await client
      .get(`/api/committee/meetings/${id}/minutes.pdf`)
      .bearerToken(people.members[2].token)
    minutesPdf.assertStatus(200)
    assert.equal(minutesPdf.header('content-type'), 'application/pdf')
  }).timeout(60000)

  test('a meeting without quorum cannot put an item to the vote', async ({ client, assert }) => {
    const people = await committee(3)
    const s = sitting(client, people)
    const itemId = await item()
    const id = (await s.create(meetingInput(people, await orgIdOf('000000')))).body().id
    await s.agenda(id, [itemId])
    // 1 of 3 present: below 2/3.
    await s.attendance(id, [
      { userId: people.members[0].user.id, attendance: 'present' },
      { userId: people.members[1].user.id, attendance: 'absent' },
      { userId: people.members[2].user.id, attendance: 'absent' },
    ])
    await s.open(id)
    const refused = await s.openVoting(id, itemId)
    refused.assertStatus(422)
    assert.include(refused.body().message, '不足法定比例 2/3')
  })

  test('a proxy votes for the member who delegated; nobody else may', async ({
    client,
    assert,
  }) => {
    const people = await committee(3)
    const s = sitting(client, people)
    const itemId = await item()
    const id = (await s.create(meetingInput(people, await orgIdOf('000000')))).body().id
    await s.agenda(id, [itemId])
    const [m0, m1, m2] = people.members.map((m) => m.user.id)
    // A proxy must be a member present in person.
    ;(
      await s.attendance(id, [
        { userId: m0, attendance: 'present' },
        { userId: m1, attendance: 'absent' },
        { userId: m2, attendance: 'proxy', proxyUserId: m1 },
      ])
    ).assertStatus(422)
    ;(
      await s.attendance(id, [
        { userId: m0, attendance: 'present' },
        { userId: m1, attendance: 'present' },
        { userId: m2, attendance: 'proxy', proxyUserId: m1 },
      ])
    ).assertStatus(200)
    await s.open(id)
    await s.openVoting(id, itemId)
    ;(await s.vote(id, itemId, 2, 'agree')).assertStatus(403) // absent: votes only through the proxy
    ;(await s.vote(id, itemId, 0, 'agree', m2)).assertStatus(403) // not m2's proxy
    ;(await s.vote(id, itemId, 0, 'agree')).assertStatus(200)
    ;(await s.vote(id, itemId, 1, 'disagree')).assertStatus(200)
    const byProxy = await s.vote(id, itemId, 1, 'agree', m2)
    byProxy.assertStatus(200)
    const ballot = byProxy.body().agenda[0].ballots.find((b: any) => b.memberId === m2)
    assert.equal(ballot.choice, 'agree')
    assert.equal(ballot.castBy, people.members[1].user.realName)
    const closed = await s.closeVoting(id, itemId)
    const result = closed.body().agenda[0].result
    assert.equal(result.present, 3)
    assert.equal(result.counts.agree, 2)
    assert.equal(result.decision, 'passed')
  })

  test('results follow the rule in force when the meeting opened, not a later change', async ({
    client,
    assert,
  }) => {
    const people = await committee(3)
    const s = sitting(client, people)
    const itemId = await item()
    const id = (await s.create(meetingInput(people, await orgIdOf('000000')))).body().id
    await s.agenda(id, [itemId])
    await s.allPresent(id)
    await s.open(id)
    // An administrator lowers the threshold to 1/3 after the meeting opened.
    const admin = await tokenFor('admin')
    const rule = {
      quorum: { num: 2, den: 3 },
      pass: { num: 1, den: 3, basis: 'attendees', compare: 'gte' },
      options: ['agree', 'disagree', 'abstain', 'reconsider'],
      chairVeto: false,
      ballot: 'named',
      partyMustAbstain: true,
      tie: 'reject',
    }
    ;(await client.put('/api/committee/rules/hq').json(rule).bearerToken(admin)).assertStatus(200)
    const entry = await decideItem(s, id, itemId, ['agree', 'disagree', 'disagree'])
    assert.equal(entry.decision, 'rejected') // 1 of 3 < 2/3 under the snapshot
  })

  test('a party to the item may only abstain; the chair’s veto where the rule has it', async ({
    client,
    assert,
  }) => {
    const people = await committee(3)
    const s = sitting(client, people)
    const itemId = await item('test-writeoff:plan', { parties: [people.members[2].user.id] })
    const admin = await tokenFor('admin')
    ;(
      await client
        .put('/api/committee/rules/hq')
        .json({
          quorum: { num: 2, den: 3 },
          pass: { num: 1, den: 2, basis: 'attendees', compare: 'gt' },
          options: ['agree', 'disagree', 'abstain'],
          chairVeto: true,
          ballot: 'anonymous',
          partyMustAbstain: true,
          tie: 'reject',
        })
        .bearerToken(admin)
    ).assertStatus(200)
    const id = (await s.create(meetingInput(people, await orgIdOf('000000')))).body().id
    await s.agenda(id, [itemId])
    await s.allPresent(id)
    await s.open(id)
    await s.openVoting(id, itemId)
    const party = await s.vote(id, itemId, 2, 'agree')
    party.assertStatus(422)
    assert.include(party.body().message, '回避')
    ;(await s.vote(id, itemId, 1, 'reconsider')).assertStatus(422) // not an option of this rule
    ;(await s.vote(id, itemId, 2, 'abstain')).assertStatus(200)
    ;(await s.vote(id, itemId, 1, 'agree')).assertStatus(200)
    const chair = await s.vote(id, itemId, 0, 'disagree')
    // Anonymous: the secretary sees that a ballot is in, never its choice.
    const seen = (await s.show(id)).body().agenda[0].ballots
    assert.deepEqual(
      seen.map((b: any) => [b.voted, b.choice, b.castBy]),
      [
        [true, null, null],
        [true, null, null],
        [true, null, null],
      ]
    )
    chair.assertStatus(200)
    await s.closeVoting(id, itemId)
    const announced = await s.announce(id, itemId)
    const entry = announced.body().agenda[0]
    assert.equal(entry.decision, 'rejected')
    assert.isTrue(entry.result.vetoed)
    // The anonymous ballot's audit row says a vote was cast, not what it was.
    const audits = await db
      .from('audit_logs')
      .where('action', 'committee.vote.cast')
      .where('entity_id', String(itemId))
    assert.lengthOf(audits, 3)
    for (const row of audits) assert.notInclude(String(row.after_json ?? row.after ?? ''), 'choice')
  })

  test('a plugin that refuses the decision undoes the announcement', async ({ client, assert }) => {
    const people = await committee(3)
    const s = sitting(client, people)
    const itemId = await item('test-relief:case', { title: '减免（插件拒绝）' })
    const id = (await s.create(meetingInput(people, await orgIdOf('000000')))).body().id
    await s.agenda(id, [itemId])
    await s.allPresent(id)
    await s.open(id)
    await s.openVoting(id, itemId)
    for (const i of [0, 1, 2]) await s.vote(id, itemId, i, 'agree')
    await s.closeVoting(id, itemId)
    const refused = await s.announce(id, itemId)
    refused.assertStatus(422)
    assert.include(refused.body().message, '减免插件拒绝了该决议')
    const entry = await db
      .from('committee_agenda')
      .where({ meeting_id: id, item_id: itemId })
      .first()
    assert.equal(entry.voting, 'closed')
    assert.isNull(entry.resolution_no)
    assert.equal((await db.from('committee_items').where('id', itemId).first()).status, 'scheduled')
  })

  test('the chair or the secretary runs the sitting; votes, counts and announcements are audited', async ({
    client,
    assert,
  }) => {
    const people = await committee(3)
    const s = sitting(client, people)
    const itemId = await item()
    const id = (await s.create(meetingInput(people, await orgIdOf('000000')))).body().id
    await s.agenda(id, [itemId])
    await s.allPresent(id)
    // Member 1 holds :manage but is neither chair nor secretary.
    const other = await client
      .post(`/api/committee/meetings/${id}/open`)
      .bearerToken(people.members[1].token)
    other.assertStatus(403)
    await s.open(id)
    await decideItem(s, id, itemId, ['agree', 'agree', 'disagree'])
    const actions = await db
      .from('audit_logs')
      .whereIn('action', [
        'committee.vote.open',
        'committee.vote.cast',
        'committee.vote.close',
        'committee.vote.announce',
      ])
      .where('entity_id', String(itemId))
      .orderBy('id')
      .select('action', 'after_json')
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'committee.vote.open',
        'committee.vote.cast',
        'committee.vote.cast',
        'committee.vote.cast',
        'committee.vote.close',
        'committee.vote.announce',
      ]
    )
    assert.include(String(actions[1].after_json), 'agree') // named ballot: the choice is in the record
  })
})
