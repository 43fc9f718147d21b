import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  LimitationError,
  loanLimitation,
  recordCollection,
  recordEnforcementApplication,
  recordJudgment,
  recordLawsuit,
} from '../../services/limitation_api.js'

/*
| The public limitation service another plugin (诉讼管理) calls: its events land
| on 时效管理 with their source, inside the caller's transaction, audited, scoped.
*/
const base = '/api/disposal/limitation'
const source = { plugin: 'litigation', kind: 'case', id: 41, label: '（2026）京0105民初12345号' }

async function admin() {
  return User.findByOrFail('username', 'admin')
}

const riskLoan = (dueDate: string, orgCode = '110101') =>
  bookLoan({ orgCode, riskAsset: true, overdueDays: 400, maturityDate: dueDate })

test.group('disposal: public limitation service', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('filing a suit interrupts the period, visible on 时效管理 with its source', async ({
    client,
    assert,
  }) => {
    const loan = await riskLoan('2024-03-15')
    const other = await riskLoan('2024-03-15')
    const user = await admin()
    const recorded = await db.transaction((trx) =>
      recordLawsuit(trx, {
        loanIds: [loan.loanId, other.loanId],
        date: '2026-06-05',
        proofRef: '（2026）京0105民初12345号',
        source,
        operatorId: user.id,
      })
    )
    assert.deepEqual(
      recorded.map((r) => [r.loanId, r.effect, r.created]),
      [
        [loan.loanId, 'interrupt', true],
        [other.loanId, 'interrupt', true],
      ]
    )

    const token = await tokenFor('admin')
    const shown = await client.get(`${base}/loans/${loan.loanId}`).bearerToken(token)
    shown.assertStatus(200)
    const litigation = shown.body().periods.find((p: any) => p.key === 'litigation')
    assert.equal(litigation.base, '2026-06-05')
    assert.equal(litigation.end, '2029-06-05')
    const [event] = shown.body().events
    assert.equal(event.type, 'lawsuit')
    assert.equal(event.effect, 'interrupt')
    assert.deepEqual(event.source, {
      plugin: 'litigation',
      kind: 'case',
      id: '41',
      label: '（2026）京0105民初12345号',
    })
    const stored = await db
      .from('disposal_limitation_dates')
      .where({ loan_id: loan.loanId, period_key: 'litigation' })
      .first()
    assert.equal(String(stored.end_date).slice(0, 10), '2029-06-05')
    const audits = await db
      .from('audit_logs')
      .where({ action: 'disposal.limitation.event', entity_id: String(loan.loanId) })
    assert.lengthOf(audits, 1)
    assert.equal(audits[0].username, 'admin')

    // A retry from the same case is the same event: nothing new written or audited.
    const again = await recordLawsuit(null, {
      loanIds: [loan.loanId],
      date: '2026-06-05',
      proofRef: '（2026）京0105民初12345号',
      source,
      operatorId: user.id,
    })
    assert.deepEqual(
      again.map((r) => [r.effect, r.created]),
      [['interrupt', false]]
    )
    const count = await db
      .from('disposal_limitation_events')
      .where('loan_id', loan.loanId)
      .count('* as n')
      .first()
    assert.equal(Number(count.n), 1)
  })

  test('a judgment closes the 诉讼时效 and starts the 申请执行时效; enforcement interrupts it', async ({
    assert,
  }) => {
    const loan = await riskLoan('2024-03-15')
    const user = await admin()
    const input = {
      loanIds: [loan.loanId],
      proofRef: '（2025）京0105民初1号',
      source: { plugin: 'litigation', kind: 'judgment', id: '7' },
      operatorId: user.id,
    }
    await recordLawsuit(null, { ...input, date: '2025-01-06' })
    const [judged] = await recordJudgment(null, {
      ...input,
      date: '2025-06-10',
      performanceDeadline: '2025-06-20',
    })
    assert.equal(judged.effect, 'judgment')
    const after = (await loanLimitation(loan.loanId))!
    assert.equal(after.periods.find((p) => p.key === 'litigation')!.status, 'closed')
    const enforcement = after.periods.find((p) => p.key === 'enforcement')!
    assert.equal(enforcement.base, '2025-06-20')
    assert.equal(enforcement.end, '2027-06-21') // 2027-06-20 is a Sunday (§203)
    assert.equal(enforcement.status, 'running')

    const [applied] = await recordEnforcementApplication(null, {
      ...input,
      source: { plugin: 'litigation', kind: 'enforcement', id: '9' },
      date: '2025-09-01',
    })
    assert.equal(applied.effect, 'interrupt')
    const later = (await loanLimitation(loan.loanId))!
    assert.equal(later.periods.find((p) => p.key === 'enforcement')!.end, '2027-09-01')
  })

  test('the caller’s transaction rolls the event back with its own change', async ({ assert }) => {
    const loan = await riskLoan('2024-03-15')
    const user = await admin()
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await recordCollection(trx, {
          loanIds: [loan.loanId],
          date: '2026-01-05',
          proofRef: 'CS-1',
          signed: true,
          source: { plugin: 'litigation', kind: 'notice', id: 1 },
          operatorId: user.id,
        })
        throw new Error('the case failed to save')
      })
    )
    const events = await db.from('disposal_limitation_events').where('loan_id', loan.loanId)
    assert.lengthOf(events, 0)
  })

  test('scope, dates and unknown fields are refused', async ({ assert }) => {
    const mine = await riskLoan('2024-03-15', '110101')
    const theirs = await riskLoan('2024-03-15', '310101')
    const { user } = await userWith({
      permissions: ['disposal:limitation:list'],
      dataScope: 'org',
      orgCode: '110101',
    })
    const access = await UserAccess.load(user)
    const input = {
      date: '2025-01-06',
      proofRef: 'X',
      source,
      operatorId: user.id,
      access,
    }
    const outside = await recordLawsuit(null, { ...input, loanIds: [mine.loanId, theirs.loanId] })
      .then(() => null)
      .catch((e) => e)
    assert.instanceOf(outside, LimitationError)
    assert.equal(outside.status, 404)
    assert.isNull(await loanLimitation(theirs.loanId, { access }))
    assert.isNotNull(await loanLimitation(mine.loanId, { access }))

    const judgment = await recordJudgment(null, {
      ...input,
      loanIds: [mine.loanId],
      performanceDeadline: '2025-01-01',
    }).catch((e) => e)
    assert.equal(judgment.status, 422)
    assert.equal(judgment.field, 'performanceDeadline')

    const malformed = await recordLawsuit(null, {
      ...input,
      loanIds: [mine.loanId],
      date: '2025-02-30',
      extra: 1,
    } as any).catch((e) => e)
    assert.equal(malformed.code, 'E_VALIDATION_ERROR')
    const invalid = await recordLawsuit(null, {
      ...input,
      loanIds: [mine.loanId],
      date: '2025-02-30',
    }).catch((e) => e)
    assert.equal(invalid.code, 'E_VALIDATION_ERROR')
    assert.equal(invalid.messages[0].field, 'date')
    const events = await db.from('disposal_limitation_events').where('loan_id', mine.loanId)
    assert.lengthOf(events, 0)
  })
})
