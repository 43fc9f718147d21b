import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { jobRegistry } from '#core/queue/job_registry'
import { settings } from '#core/settings/settings'
import { tokenFor } from '#tests/helpers/auth'
import { bookLoan, rowsOf } from '../helpers.js'
import { syncHandover } from '../../services/handover.js'

const base = '/api/credit-assets'

test.group('credit-assets: classification history and handover', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each reclassification appends history; earlier rows are never overwritten', async ({
    client,
    assert,
  }) => {
    const loan = await bookLoan({ fiveClass: 'normal', overdueDays: 100, riskAsset: true })
    const admin = await tokenFor('admin')
    const post = (fiveClass: string, reason: string) =>
      client
        .post(`${base}/loans/${loan.loanId}/classification`)
        .bearerToken(admin)
        .json({ fiveClass, reason })

    ;(await post('substandard', '逾期超过90天')).assertStatus(200)
    const first = await rowsOf('ca_classification_history', loan.loanId)
    ;(await post('doubtful', '担保人失联')).assertStatus(200)
    const unchanged = await post('doubtful', '重复提交')
    assert.isFalse(unchanged.body().changed)

    const history = await rowsOf('ca_classification_history', loan.loanId)
    assert.deepEqual(
      history.map((h) => [h.from_class, h.to_class, h.reason]),
      [
        ['normal', 'substandard', '逾期超过90天'],
        ['substandard', 'doubtful', '担保人失联'],
      ]
    )
    assert.deepEqual(history[0], first[0])
    const loanRow = await db.from('ca_loans').where('id', loan.loanId).first()
    assert.equal(loanRow.five_class, 'doubtful')

    const timeline = await client.get(`${base}/loans/${loan.loanId}/timeline`).bearerToken(admin)
    assert.deepEqual(
      timeline.body().data.map((e: any) => e.after.fiveClass),
      ['doubtful', 'substandard']
    )
    const audited = await db
      .from('audit_logs')
      .where('action', 'credit-assets.loan.reclassify')
      .where('entity_id', String(loan.loanId))
      .count('* as n')
      .first()
    assert.equal(Number(audited.n), 2)

    const detail = await client.get(`${base}/loans/${loan.loanId}`).bearerToken(admin)
    assert.lengthOf(detail.body().classificationHistory, 2)
    ;(await post('bad', 'x')).assertStatus(422)
  })

  test('handover takes 次级 or worse and overdue beyond the parameter, once', async ({
    assert,
  }) => {
    const threshold = await settings.integer('credit-assets.handover.overdueDays')
    assert.equal(threshold, 90)
    const substandard = await bookLoan({ fiveClass: 'substandard' })
    const overdue91 = await bookLoan({ fiveClass: 'special_mention', overdueDays: 91 })
    const overdue90 = await bookLoan({ fiveClass: 'special_mention', overdueDays: 90 })
    const already = await bookLoan({ fiveClass: 'loss', riskAsset: true })

    const handler = await jobRegistry.handler('credit-assets:handover-sync')
    const result = (await handler({
      jobId: 't',
      payload: { businessDate: '2026-05-20' },
      progress: async () => {},
    })) as any
    assert.equal(result.handedOver, 2)
    const risk = await db
      .from('ca_risk_assets')
      .whereIn('loan_id', [substandard.loanId, overdue91.loanId, overdue90.loanId, already.loanId])
      .orderBy('loan_id')
    assert.deepEqual(
      risk.map((r) => r.loan_id),
      [substandard.loanId, overdue91.loanId, already.loanId]
    )
    assert.equal(String(risk[0].entered_on).slice(0, 10), '2026-05-20')
    const events = await rowsOf('ca_risk_events', overdue91.loanId)
    assert.equal(events.length, 1)
    assert.equal(events[0].event_type, 'handover')
    assert.equal(JSON.parse(events[0].after_json).overdueDays, 91)

    assert.equal(await syncHandover('2026-05-21', threshold), 0)
  })
})
