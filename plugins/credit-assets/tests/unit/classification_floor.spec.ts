import { test } from '@japa/runner'
import {
  classificationFloor,
  floorClassSql,
  isBelowFloor,
} from '../../rules/classification_floor.js'
import { classRank, isWorse } from '../../rules/five_class.js'

test.group('credit-assets: classification floor (分类下限)', () => {
  test('boundaries of 《商业银行金融资产风险分类办法》 with a 7-day technical delay', ({
    assert,
  }) => {
    const cases: Array<[number, string]> = [
      [0, 'normal'],
      [7, 'normal'],
      [8, 'special_mention'],
      [90, 'special_mention'],
      [91, 'substandard'],
      [270, 'substandard'],
      [271, 'doubtful'],
      [360, 'doubtful'],
      [361, 'loss'],
      [2000, 'loss'],
    ]
    for (const [days, floor] of cases)
      assert.equal(classificationFloor(days, 7), floor, `${days} days`)
  })

  test('the technical delay is a parameter', ({ assert }) => {
    assert.equal(classificationFloor(3, 0), 'special_mention')
    assert.equal(classificationFloor(15, 15), 'normal')
    assert.equal(classificationFloor(16, 15), 'special_mention')
  })

  test('classes are ordered 正常 < 关注 < 次级 < 可疑 < 损失', ({ assert }) => {
    assert.deepEqual(
      ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'].map((c) =>
        classRank(c as any)
      ),
      [1, 2, 3, 4, 5]
    )
    assert.isTrue(isWorse('loss', 'doubtful'))
    assert.isFalse(isWorse('normal', 'normal'))
    assert.throws(() => classRank('bad' as any))
  })

  test('below floor means better than the floor, not equal or worse', ({ assert }) => {
    assert.isTrue(isBelowFloor('normal', 8, 7))
    assert.isFalse(isBelowFloor('special_mention', 8, 7))
    assert.isTrue(isBelowFloor('special_mention', 91, 7))
    assert.isTrue(isBelowFloor('doubtful', 361, 7))
    assert.isFalse(isBelowFloor('loss', 361, 7))
    assert.isFalse(isBelowFloor('substandard', 0, 7))
  })

  test('the SQL CASE names the same thresholds and refuses a bad delay', ({ assert }) => {
    const sql = floorClassSql('l.overdue_days', 7)
    for (const part of [
      "> 360 THEN 'loss'",
      "> 270 THEN 'doubtful'",
      "> 90 THEN 'substandard'",
      "> 7 THEN 'special_mention'",
    ])
      assert.include(sql, part)
    assert.throws(() => floorClassSql('x', -1))
    assert.throws(() => floorClassSql('x', 1.5))
  })
})
