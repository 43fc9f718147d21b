import { test } from '@japa/runner'
import { periodOf } from '../../services/periods.js'
import { DEFAULT_POINTS, missingEvidence } from '../../services/checklists.js'

test.group('inspections: periods and checklists', () => {
  test('a frequency cuts the year into periods with their last day', ({ assert }) => {
    assert.deepEqual(periodOf('monthly', '2026-02-10'), {
      key: '2026M02',
      start: '2026-02-01',
      end: '2026-02-28',
    })
    assert.deepEqual(periodOf('quarterly', '2026-05-31'), {
      key: '2026Q2',
      start: '2026-04-01',
      end: '2026-06-30',
    })
    assert.deepEqual(periodOf('quarterly', '2026-12-01'), {
      key: '2026Q4',
      start: '2026-10-01',
      end: '2026-12-31',
    })
    assert.deepEqual(periodOf('semiannual', '2028-02-29'), {
      key: '2028H1',
      start: '2028-01-01',
      end: '2028-06-30',
    })
    assert.deepEqual(periodOf('annual', '2026-07-01'), {
      key: '2026',
      start: '2026-01-01',
      end: '2026-12-31',
    })
  })

  test('points requiring evidence without a file are missing', ({ assert }) => {
    const missing = missingEvidence(
      DEFAULT_POINTS,
      ['operation', 'loan', 'address'],
      [{ item_code: 'operation', point_code: 'site_visit' }]
    )
    assert.deepEqual(
      missing.map((m) => `${m.item}.${m.point}`),
      ['address.address_check']
    )
    assert.lengthOf(missingEvidence(DEFAULT_POINTS, ['loan', 'willingness'], []), 0)
  })
})
