import { test } from '@japa/runner'
import { addMonths, daysBetween } from '../../rules/deadline.js'
import { DEFAULT_CLASS_RULES } from '../../rules/default_class_rules.js'

test.group('foreclosed-assets: deadline arithmetic', () => {
  test('24 and 12 months after acquisition, a leap day clamps to the month end', ({ assert }) => {
    assert.equal(addMonths('2026-12-07', 24), '2028-12-07')
    assert.equal(addMonths('2026-12-07', 12), '2027-12-07')
    // 民法典 §202: no corresponding day → the month's last day.
    assert.equal(addMonths('2024-02-29', 24), '2026-02-28')
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28')
    assert.equal(addMonths('2027-02-28', 12), '2028-02-28')
    assert.equal(addMonths('2025-08-31', 3), '2025-11-30')
  })

  test('the seeded rules follow 商业银行法 §42 and 财金〔2005〕53号', ({ assert }) => {
    const months = Object.fromEntries(
      DEFAULT_CLASS_RULES.map((r) => [r.assetClass, r.disposalMonths])
    )
    assert.deepEqual(months, { real_estate: 24, equity: 24, movable: 12, other_right: 24 })
  })

  test('days between dates across a leap year', ({ assert }) => {
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2)
    assert.equal(daysBetween('2026-03-01', '2026-02-28'), -1)
  })
})
