import { test } from '@japa/runner'
import { CronError, fireKey, nextFire, parseCron, previousFire } from '#core/queue/cron'

/*
| The 5-field cron parser both queue drivers share. Times are bank time
| (Asia/Shanghai, UTC+8): `at('2026-12-02 07:30')` is that wall-clock minute.
*/
const at = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`)

/** The next `count` fire times after `from`, as wall-clock keys. */
function fires(pattern: string, from: string, count: number): string[] {
  const schedule = parseCron(pattern)
  const out: string[] = []
  let cursor = at(from)
  for (let i = 0; i < count; i++) {
    const next = nextFire(schedule, cursor)
    if (!next) break
    out.push(fireKey(next))
    cursor = next
  }
  return out
}

test.group('cron pattern: parsing (cron-parser, as BullMQ reads it)', () => {
  test('fields, ranges, steps and lists', ({ assert }) => {
    const { fields } = parseCron('*/15 9-17/4 1,15,31 JAN-mar mon-fri')
    assert.deepEqual(fields.minute.values, [0, 15, 30, 45])
    assert.deepEqual(fields.hour.values, [9, 13, 17])
    assert.deepEqual(fields.dayOfMonth.values, [1, 15, 31])
    assert.deepEqual(fields.month.values, [1, 2, 3])
    assert.deepEqual(fields.dayOfWeek.values, [1, 2, 3, 4, 5])
    assert.deepEqual(parseCron('10/20 * * * *').fields.minute.values, [10, 30, 50])
  })

  test('weekday 7 is Sunday like 0', ({ assert }) => {
    // 2026-12-05 is a Saturday.
    assert.deepEqual(fires('0 0 * * 7', '2026-12-05 12:00', 2), [
      '2026-12-06 00:00',
      '2026-12-13 00:00',
    ])
    assert.deepEqual(fires('0 0 * * 5-7', '2026-12-03 12:00', 4), [
      '2026-12-04 00:00',
      '2026-12-05 00:00',
      '2026-12-06 00:00',
      '2026-12-11 00:00',
    ])
  })

  test('rejects malformed patterns with the reason', ({ assert }) => {
    const bad: Array<[string, RegExp]> = [
      ['* * * *', /5 fields/],
      ['60 * * * *', /got value 60 expected range 0-59/],
      ['0 24 * * *', /got value 24 expected range 0-23/],
      ['0 0 0 * *', /got value 0 expected range 1-31/],
      ['0 0 * 13 *', /got value 13 expected range 1-12/],
      ['0 0 * * 8', /got value 8 expected range 0-7/],
      ['*/0 * * * *', /every 0/],
      ['5-1 * * * *', /Invalid range: 5-1/],
      ['a * * * *', /Invalid characters, got value: a/],
      ['1,,2 * * * *', /Invalid list value/],
      ['0 0 30 2 *', /Invalid explicit day of month/],
      // A seconds field: the ticker works to the minute.
      ['0 0 * * * *', /5 fields/],
      // H picks a random minute per parse: two processes would disagree.
      ['H * * * *', /"H" is not accepted/],
      ['0 0 ? * *', /"\?" is not accepted/],
    ]
    for (const [pattern, reason] of bad)
      assert.throws(() => parseCron(pattern), reason as any, pattern)
    assert.instanceOf(
      (() => {
        try {
          parseCron('x')
        } catch (error) {
          return error
        }
      })(),
      CronError
    )
  })

  test('month and weekday names holding an H are names, not H', ({ assert }) => {
    assert.deepEqual(parseCron('0 8 * MAR THU').fields.dayOfWeek.values, [4])
  })
})

test.group('cron pattern: fire times in Asia/Shanghai', () => {
  test('a daily time fires at that bank-time minute', ({ assert }) => {
    assert.deepEqual(fires('30 7 * * *', '2026-12-02 07:29', 2), [
      '2026-12-02 07:30',
      '2026-12-03 07:30',
    ])
    // 07:30 in Shanghai is 23:30 UTC the day before.
    assert.equal(
      nextFire(parseCron('30 7 * * *'), at('2026-12-02 07:00'))!.toISOString(),
      '2026-12-01T23:30:00.000Z'
    )
  })

  test('next is strictly after, previous is at or before', ({ assert }) => {
    const s = parseCron('30 7 * * *')
    assert.equal(fireKey(nextFire(s, at('2026-12-02 07:30'))!), '2026-12-03 07:30')
    assert.equal(fireKey(previousFire(s, at('2026-12-02 07:30'))!), '2026-12-02 07:30')
    assert.equal(fireKey(previousFire(s, at('2026-12-02 07:29'))!), '2026-12-01 07:30')
    // Seconds inside the fire minute still count as that minute.
    assert.equal(
      fireKey(previousFire(s, new Date(at('2026-12-02 07:30').getTime() + 59_000))!),
      '2026-12-02 07:30'
    )
  })

  test('steps and ranges across hours', ({ assert }) => {
    assert.deepEqual(fires('*/20 9-10 * * *', '2026-12-02 08:00', 7), [
      '2026-12-02 09:00',
      '2026-12-02 09:20',
      '2026-12-02 09:40',
      '2026-12-02 10:00',
      '2026-12-02 10:20',
      '2026-12-02 10:40',
      '2026-12-03 09:00',
    ])
  })

  test('weekdays only: Friday evening to Monday morning', ({ assert }) => {
    // 2026-12-04 is a Friday.
    assert.deepEqual(fires('0 8 * * 1-5', '2026-12-04 09:00', 2), [
      '2026-12-07 08:00',
      '2026-12-08 08:00',
    ])
    assert.deepEqual(fires('0 8 * * SAT,SUN', '2026-12-04 09:00', 3), [
      '2026-12-05 08:00',
      '2026-12-06 08:00',
      '2026-12-12 08:00',
    ])
  })

  test('day-of-month and day-of-week both restricted: either matches', ({ assert }) => {
    // The 1st of the month, and every Monday (2026-12-07, 14, …).
    assert.deepEqual(fires('0 9 1 * 1', '2026-11-29 00:00', 4), [
      '2026-11-30 09:00',
      '2026-12-01 09:00',
      '2026-12-07 09:00',
      '2026-12-14 09:00',
    ])
  })

  test('month ends: the 31st skips short months, 29 Feb waits for a leap year', ({ assert }) => {
    assert.deepEqual(fires('0 0 31 * *', '2026-01-01 00:00', 4), [
      '2026-01-31 00:00',
      '2026-03-31 00:00',
      '2026-05-31 00:00',
      '2026-07-31 00:00',
    ])
    assert.deepEqual(fires('0 0 29 2 *', '2026-01-01 00:00', 2), [
      '2028-02-29 00:00',
      '2032-02-29 00:00',
    ])
    assert.equal(
      fireKey(previousFire(parseCron('0 0 29 2 *'), at('2027-06-01 00:00'))!),
      '2024-02-29 00:00'
    )
    // Year end: the last minute of the year, then the first of the next.
    assert.deepEqual(fires('59 23 31 12 *', '2026-12-31 23:58', 2), [
      '2026-12-31 23:59',
      '2027-12-31 23:59',
    ])
    assert.deepEqual(fires('0 0 1 * *', '2026-12-31 23:59', 1), ['2027-01-01 00:00'])
    // L: the last day of each month, whatever its length (月末 batch runs).
    assert.deepEqual(fires('0 18 L * *', '2026-01-31 18:00', 3), [
      '2026-02-28 18:00',
      '2026-03-31 18:00',
      '2026-04-30 18:00',
    ])
  })

  test('month names and lists', ({ assert }) => {
    // 季末: the last day of each quarter's month-end days that exist.
    assert.deepEqual(fires('0 18 30,31 MAR,JUN,SEP,DEC *', '2026-03-01 00:00', 5), [
      '2026-03-30 18:00',
      '2026-03-31 18:00',
      '2026-06-30 18:00',
      '2026-09-30 18:00',
      '2026-12-30 18:00',
    ])
  })
})
