import { test } from '@japa/runner'
import { Money } from '#core/money/money'
import { assessmentScore, indicatorKey, weightSum, type Weight } from '../../services/score.js'

/* 考核得分: rates exact, capped, weighted, rounded once half-up to 2 decimals. */
const w = (kind: string, weightPct: string, capPct = '100.00', series = ''): Weight => ({
  kind,
  series,
  weightPct,
  capPct,
})
const fig = (target: string, actual: string) => ({
  target: Money.fromYuan(target),
  actual: Money.fromYuan(actual),
})

test.group('targets: assessment score', () => {
  test('weighted sum of exact rates, rounded once', ({ assert }) => {
    // recovery 1/3 done = 33.333…%, reduction 2/3 = 66.666…%; weights 45/55:
    // 15.00 + 36.666… = 51.666… → 51.67.
    const figures = new Map([
      [indicatorKey('recovery', ''), fig('300.00', '100.00')],
      [indicatorKey('reduction', ''), fig('300.00', '200.00')],
    ])
    const result = assessmentScore([w('recovery', '45.00'), w('reduction', '55.00')], figures)
    assert.equal(result.score, '51.67')
    assert.deepEqual(
      result.lines.map((l) => [l.rate, l.points]),
      [
        ['33.33', '15.00'],
        ['66.67', '36.67'],
      ]
    )
  })

  test('one rounding: per-line rounding would drift by a cent', ({ assert }) => {
    // 1.00% × 0.50 weight = 0.005 points, twice: rounding each line would add 0.01 + 0.01;
    // the exact sum 0.01 + 99.00 is rounded once.
    const figures = new Map([
      [indicatorKey('recovery', ''), fig('100.00', '1.00')],
      [indicatorKey('reduction', ''), fig('100.00', '1.00')],
      [indicatorKey('recovery', 'estate'), fig('100.00', '100.00')],
    ])
    const result = assessmentScore(
      [w('recovery', '0.50'), w('reduction', '0.50'), w('recovery', '99.00', '100.00', 'estate')],
      figures
    )
    assert.deepEqual(
      result.lines.map((l) => l.points),
      ['0.01', '0.01', '99.00']
    )
    assert.equal(result.score, '99.01') // 0.005 + 0.005 + 99 = 99.01, not 99.02
  })

  test('rates are capped per indicator and never below zero; a missing target scores 0', ({
    assert,
  }) => {
    const figures = new Map([
      [indicatorKey('recovery', ''), fig('100.00', '150.00')], // 150 % capped at 120
      [indicatorKey('reduction', ''), fig('100.00', '-5.00')], // net reversal: 0
    ])
    const result = assessmentScore(
      [
        w('recovery', '50.00', '120.00'),
        w('reduction', '30.00'),
        w('recovery', '20.00', '100.00', 'estate'),
      ],
      figures
    )
    assert.equal(result.score, '60.00') // 120 × 0.5 + 0 + 0
    assert.deepEqual(result.missing, ['recovery|estate'])
    assert.equal(result.lines[0].rate, '150.00') // shown exact; the cap applies to the score
  })

  test('weight sums are exact', ({ assert }) => {
    assert.equal(
      weightSum([{ weightPct: '33.33' }, { weightPct: '33.33' }, { weightPct: '33.34' }]),
      '100.00'
    )
    assert.equal(weightSum([{ weightPct: '0.1' }, { weightPct: '0.2' }]), '0.30')
  })
})
