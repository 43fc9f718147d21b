import { test } from '@japa/runner'
import { Prng } from '#core/demo/prng'

/*
| The server's one seeded generator replaced three copies (demo bank, simulator,
| fake external system): the sequences they produced must not change, or every
| demo bank and simulated fact would differ from the ones already generated.
*/
test.group('Prng (mulberry32)', () => {
  test('a numeric seed gives the sequence the earlier copies gave', ({ assert }) => {
    const r = new Prng(42)
    assert.equal(r.next(), 0.6011037519201636)
    assert.equal(r.next(), 0.44829055899754167)
  })

  test('a text seed (FNV-1a) gives the simulator facts it gave before', ({ assert }) => {
    const r = Prng.fromText('customer-center|C0001')
    assert.equal(r.digits(11), '69949043379')
    assert.equal(r.next(), 0.18423574115149677)
  })

  test('next can be handed on alone and keeps its state', ({ assert }) => {
    const next = new Prng(42).next
    assert.deepEqual([next(), next()], [0.6011037519201636, 0.44829055899754167])
  })
})
