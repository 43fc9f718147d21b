import { test } from '@japa/runner'
import { handoverSql, qualifiesForHandover } from '../../rules/handover.js'
import { Prng } from '#core/demo/prng'

test.group('credit-assets: handover rule (风险资产移交)', () => {
  test('次级 or worse, or overdue beyond the threshold', ({ assert }) => {
    assert.isFalse(qualifiesForHandover({ fiveClass: 'normal', overdueDays: 90 }, 90))
    assert.isTrue(qualifiesForHandover({ fiveClass: 'normal', overdueDays: 91 }, 90))
    assert.isFalse(qualifiesForHandover({ fiveClass: 'special_mention', overdueDays: 30 }, 90))
    assert.isTrue(qualifiesForHandover({ fiveClass: 'substandard', overdueDays: 0 }, 90))
    assert.isTrue(qualifiesForHandover({ fiveClass: 'loss', overdueDays: 0 }, 90))
    assert.isTrue(qualifiesForHandover({ fiveClass: 'special_mention', overdueDays: 31 }, 30))
  })

  test('the SQL form takes only a whole threshold', ({ assert }) => {
    assert.include(handoverSql('l', 60), 'l.overdue_days > 60')
    assert.throws(() => handoverSql('l', Number.NaN))
  })

  test('the generator PRNG is deterministic per seed', ({ assert }) => {
    const a = new Prng(42)
    const b = new Prng(42)
    const c = new Prng(43)
    const seqA = Array.from({ length: 5 }, () => a.next())
    assert.deepEqual(
      seqA,
      Array.from({ length: 5 }, () => b.next())
    )
    assert.notDeepEqual(
      seqA,
      Array.from({ length: 5 }, () => c.next())
    )
    assert.isTrue(seqA.every((x) => x >= 0 && x < 1))
  })
})
