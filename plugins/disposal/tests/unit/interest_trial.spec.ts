import { test } from '@japa/runner'
import fc from 'fast-check'
import { runInterestTrial } from '../../interest/trial.js'
import { TrialInputError, type TrialInput } from '../../interest/types.js'

/*
| 利息试算: the worked example to the fen, the edge rules one by one, and
| property tests over random loans.
*/
const workedExample: TrialInput = {
  start: '2023-01-01',
  asOf: '2024-01-01',
  rates: [{ from: '2023-01-01', annualRate: '0.0435' }],
  penaltySurcharge: '0.5',
  installments: [{ dueDate: '2023-07-01', principal: '1000000.00' }],
  interestDueDates: ['2023-03-21', '2023-06-21'],
  repayments: [{ date: '2023-10-01', amount: '50000.00' }],
}

const buckets = (r: ReturnType<typeof runInterestTrial>) => ({
  notDuePrincipal: r.notDuePrincipal,
  overduePrincipal: r.overduePrincipal,
  accruedInterest: r.accruedInterest,
  overdueInterest: r.overdueInterest,
  penaltyInterest: r.penaltyInterest,
  compoundInterest: r.compoundInterest,
})

test.group('disposal: interest trial (利息试算)', () => {
  test('the worked example reproduces to the fen', ({ assert }) => {
    const r = runInterestTrial(workedExample)
    assert.deepEqual(buckets(r), {
      notDuePrincipal: '0.00',
      overduePrincipal: '989107.15',
      accruedInterest: '0.00',
      overdueInterest: '0.00',
      penaltyInterest: '16493.36',
      compoundInterest: '0.00',
    })
    assert.equal(r.unapplied, '0.00')
    const repayment = r.events.find((e) => e.kind === 'repayment')!
    assert.deepEqual(
      repayment.allocation!.map((a) => [a.bucket, a.amount]),
      [
        ['penalty', '16675.00'],
        ['compound', '561.32'],
        ['overdueInterest', '21870.83'],
        ['overduePrincipal', '10892.85'],
      ]
    )
    // The step table: normal interest to 07-01 in three runs, 罚息 in two runs.
    const penalty = r.steps.filter((s) => s.kind === 'penalty')
    assert.deepEqual(
      penalty.map((s) => [s.from, s.to, s.days, s.base, s.amount]),
      [
        ['2023-07-01', '2023-09-30', 92, '1000000.00', '16675.00'],
        ['2023-10-01', '2023-12-31', 92, '989107.15', '16493.36'],
      ]
    )
    assert.equal(
      penalty[0].formula,
      '逾期本金 1,000,000.00 元 × 年利率 4.35% × (1 + 上浮 50%) ÷ 360 × 92 天 = 16,675.00 元'
    )
    const normal = r.steps.filter((s) => s.kind === 'normal')
    assert.deepEqual(
      normal.map((s) => [s.from, s.to, s.days]),
      [['2023-01-01', '2023-06-30', 181]]
    )
    const settled = r.events.filter((e) => e.kind === 'interestDue').map((e) => e.amount)
    assert.deepEqual(settled, ['9545.83', '11116.67', '1208.33'])
  })

  test('a rate change mid-overdue reprices 罚息 and 复利 from its date', ({ assert }) => {
    const r = runInterestTrial({
      start: '2024-01-01',
      asOf: '2024-03-01',
      rates: [
        { from: '2024-01-01', annualRate: '0.0360' },
        { from: '2024-02-01', annualRate: '0.0450' },
      ],
      installments: [{ dueDate: '2024-01-01', principal: '360000.00' }],
    })
    // 31 days at 3.6% × 1.5 = 5.4%: 360000 × 0.054 / 360 × 31 = 1674.00;
    // 29 days at 4.5% × 1.5 = 6.75%: 360000 × 0.0675 / 360 × 29 = 1957.50.
    assert.equal(r.penaltyInterest, '3631.50')
    assert.deepEqual(
      r.steps.filter((s) => s.kind === 'penalty').map((s) => [s.from, s.days, s.rate, s.amount]),
      [
        ['2024-01-01', 31, '0.054', '1674.00'],
        ['2024-02-01', 29, '0.0675', '1957.50'],
      ]
    )
    assert.equal(r.overduePrincipal, '360000.00')
    assert.equal(r.overdueInterest, '0.00')
  })

  test('a repayment on a due date is applied after the instalment falls due and interest settles', ({
    assert,
  }) => {
    const r = runInterestTrial({
      start: '2024-01-01',
      asOf: '2024-04-01',
      rates: [{ from: '2024-01-01', annualRate: '0.036' }],
      installments: [
        { dueDate: '2024-03-01', principal: '100000.00' },
        { dueDate: '2024-06-01', principal: '100000.00' },
      ],
      repayments: [{ date: '2024-03-01', amount: '101200.00' }],
    })
    // Normal interest to 03-01: 200000 × 0.036 / 360 × 60 = 1200.00, settled on the due
    // date, then the repayment clears it and the instalment that fell due the same day.
    const repayment = r.events.find((e) => e.kind === 'repayment')!
    assert.deepEqual(
      repayment.allocation!.map((a) => [a.bucket, a.amount]),
      [
        ['overdueInterest', '1200.00'],
        ['overduePrincipal', '100000.00'],
      ]
    )
    assert.equal(r.overduePrincipal, '0.00')
    assert.equal(r.penaltyInterest, '0.00')
    // 100000 × 0.036 / 360 × 31 (03-01 … 03-31) = 310.00 accrued, not yet due.
    assert.equal(r.accruedInterest, '310.00')
    assert.equal(r.notDuePrincipal, '100000.00')
  })

  test('迟延履行期间的债务利息 runs from the day after the deadline at 1.75‱ a day', ({
    assert,
  }) => {
    const r = runInterestTrial({
      start: '2025-01-01',
      asOf: '2025-02-01',
      rates: [{ from: '2025-01-01', annualRate: '0.04' }],
      installments: [],
      delayedPerformance: { deadline: '2025-01-10', debt: '200000.00' },
    })
    // 2025-01-11 … 2025-01-31 = 21 days × 200000 × 0.000175 = 735.00
    assert.equal(r.delayInterest, '735.00')
    const step = r.steps.find((s) => s.kind === 'delay')!
    assert.equal(step.from, '2025-01-11')
    assert.equal(step.days, 21)
    assert.include(step.formula, '日万分之一点七五')
    assert.equal(r.total, '0.00', 'the delay interest is a separate claim, not in the buckets')
  })

  test('nothing accrues on or after the stop date (企业破产法 §46)', ({ assert }) => {
    const r = runInterestTrial({
      start: '2024-01-01',
      asOf: '2024-12-31',
      rates: [{ from: '2024-01-01', annualRate: '0.036' }],
      installments: [{ dueDate: '2024-01-01', principal: '100000.00' }],
      stopDate: '2024-01-11',
    })
    // 10 days of 罚息 at 5.4%: 100000 × 0.054 / 360 × 10 = 150.00
    assert.equal(r.penaltyInterest, '150.00')
    assert.equal(r.steps.at(-1)!.to, '2024-01-10')
  })

  test('compoundOnPenalty also compounds unpaid 罚息', ({ assert }) => {
    const base: TrialInput = {
      start: '2024-01-01',
      asOf: '2024-03-01',
      rates: [{ from: '2024-01-01', annualRate: '0.036' }],
      installments: [{ dueDate: '2024-01-01', principal: '100000.00' }],
    }
    assert.equal(runInterestTrial(base).compoundInterest, '0.00')
    assert.isAbove(
      Number(runInterestTrial({ ...base, compoundOnPenalty: true }).compoundInterest),
      0
    )
  })

  test('an overpayment is unapplied; a custom order is honoured', ({ assert }) => {
    const r = runInterestTrial({
      start: '2024-01-01',
      asOf: '2024-02-01',
      rates: [{ from: '2024-01-01', annualRate: '0.036' }],
      installments: [{ dueDate: '2024-01-15', principal: '1000.00' }],
      repayments: [{ date: '2024-01-20', amount: '2000.00' }],
      order: [
        'overduePrincipal',
        'overdueInterest',
        'penalty',
        'compound',
        'accruedInterest',
        'notDuePrincipal',
      ],
    })
    const repayment = r.events.find((e) => e.kind === 'repayment')!
    assert.equal(repayment.allocation![0].bucket, 'overduePrincipal')
    assert.equal(r.total, '0.00')
    // 1000 + 1.40 interest (14 days at 3.6%) + 罚息 5 days at 5.4% (0.75) = 1002.15
    assert.equal(r.unapplied, '997.85')
  })

  test('inputs the fields cannot catch are refused with the field named', ({ assert }) => {
    const refusal = (patch: Partial<TrialInput>) => {
      try {
        runInterestTrial({ ...workedExample, ...patch })
      } catch (error) {
        if (error instanceof TrialInputError) return error.field
        throw error
      }
      return null
    }
    assert.equal(refusal({ asOf: '2022-12-31' }), 'asOf')
    assert.equal(refusal({ rates: [{ from: '2023-02-01', annualRate: '0.04' }] }), 'rates')
    assert.equal(refusal({ order: ['penalty'] }), 'order')
    assert.equal(
      refusal({ repayments: [{ date: '2022-01-01', amount: '1' }] }),
      'repayments.0.date'
    )
  })
})

/* ---- properties over random loans ---------------------------------------- */

const DAY_MS = 86_400_000
const dateOf = (offset: number) =>
  new Date(Date.UTC(2023, 0, 1) + offset * DAY_MS).toISOString().slice(0, 10)
const yuanOf = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

const loanArb = fc.record({
  span: fc.integer({ min: 1, max: 400 }),
  rates: fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 400 }), bp: fc.integer({ min: 1, max: 2400 }) }),
    {
      maxLength: 3,
    }
  ),
  firstBp: fc.integer({ min: 1, max: 2400 }),
  surchargePct: fc.integer({ min: 0, max: 100 }),
  installments: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 500 }),
      fen: fc.integer({ min: 1, max: 1_000_000_000 }),
    }),
    { minLength: 1, maxLength: 4 }
  ),
  interestDays: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 5 }),
  repayments: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 400 }),
      fen: fc.integer({ min: 1, max: 500_000_000 }),
    }),
    { maxLength: 4 }
  ),
  compoundOnPenalty: fc.boolean(),
  stopAt: fc.option(fc.integer({ min: 0, max: 400 })),
})

type Loan = typeof loanArb extends fc.Arbitrary<infer T> ? T : never

function trialOf(loan: Loan): TrialInput {
  return {
    start: dateOf(0),
    asOf: dateOf(loan.span),
    rates: [
      { from: dateOf(0), annualRate: `0.${String(loan.firstBp).padStart(4, '0')}` },
      ...loan.rates.map((r) => ({
        from: dateOf(r.at),
        annualRate: `0.${String(r.bp).padStart(4, '0')}`,
      })),
    ],
    penaltySurcharge: `${loan.surchargePct / 100}`,
    installments: loan.installments.map((i) => ({
      dueDate: dateOf(i.at),
      principal: yuanOf(i.fen),
    })),
    interestDueDates: loan.interestDays.map(dateOf),
    repayments: loan.repayments.map((r) => ({ date: dateOf(r.at), amount: yuanOf(r.fen) })),
    compoundOnPenalty: loan.compoundOnPenalty,
    stopDate: loan.stopAt === null ? undefined : dateOf(loan.stopAt),
  }
}

test.group('disposal: interest trial properties (fast-check)', () => {
  test('no bucket ever goes negative', () => {
    fc.assert(
      fc.property(loanArb, (loan) => {
        const r = runInterestTrial(trialOf(loan))
        for (const value of [...Object.values(buckets(r)), r.unapplied, r.total])
          if (value.startsWith('-')) return false
        return true
      }),
      { numRuns: 150 }
    )
  })

  test('paying the full total on asOf leaves every bucket at 0.00', () => {
    fc.assert(
      fc.property(loanArb, (loan) => {
        const input = trialOf(loan)
        const before = runInterestTrial(input)
        const after = runInterestTrial({
          ...input,
          repayments: [...(input.repayments ?? []), { date: input.asOf, amount: before.total }],
        })
        return (
          Object.values(buckets(after)).every((v) => v === '0.00') &&
          after.unapplied === before.unapplied &&
          after.total === '0.00'
        )
      }),
      { numRuns: 150 }
    )
  })
})
