import { test } from '@japa/runner'
import {
  agreementFee,
  isLawFirmCreditCode,
  isLawyerLicenceNo,
  riskCeiling,
} from '../../lawyers/rules.js'
import { conflictsWith } from '../../lawyers/registry.js'

test.group('litigation: 律所律师库 licence numbers', () => {
  test('a firm licence is a 31… 统一社会信用代码 with the GB 32100 check code', ({ assert }) => {
    assert.isTrue(isLawFirmCreditCode('311100004000000015'))
    assert.isTrue(isLawFirmCreditCode('31310000425000002Q'))
    // One character off: the check code no longer matches.
    assert.isFalse(isLawFirmCreditCode('311100004000000016'))
    // A company's code (91…) is not a law firm's.
    assert.isFalse(isLawFirmCreditCode('91330100799655058B'))
    // I, O, Z, S, V are not in the code set; 17 characters is too short.
    assert.isFalse(isLawFirmCreditCode('31110000400000001O'))
    assert.isFalse(isLawFirmCreditCode('31110000400000001'))
  })

  test('a lawyer licence is 17 digits with a plausible year of first licence', ({ assert }) => {
    assert.isTrue(isLawyerLicenceNo('11101201010123456', 2026))
    assert.isFalse(isLawyerLicenceNo('1110120101012345', 2026)) // 16 digits
    assert.isFalse(isLawyerLicenceNo('1110120101012345X', 2026))
    assert.isFalse(isLawyerLicenceNo('11101202710123456', 2026)) // first licensed in 2027
    assert.isFalse(isLawyerLicenceNo('11101197010123456', 2026)) // before 1979
  })

  test('a conflict is a whole line naming the customer or its number', ({ assert }) => {
    const conflicts = '北京某某科技有限公司\r\nC000123\n'
    assert.isTrue(conflictsWith(conflicts, { name: '北京某某科技有限公司', no: 'X' }))
    assert.isTrue(conflictsWith(conflicts, { name: 'Y', no: 'C000123' }))
    assert.isFalse(conflictsWith(conflicts, { name: '北京某某', no: 'C0001' }))
    assert.isFalse(conflictsWith('', { name: '', no: '' }))
  })
})

test.group('litigation: 律师费 under the fee agreement', () => {
  const fixed = { feeType: 'fixed', fixedFee: '30000.00', riskRate: '0', feeCap: null } as const
  const risk = { feeType: 'risk', fixedFee: '0', riskRate: '0.08', feeCap: null } as const
  const mixed = {
    feeType: 'mixed',
    fixedFee: '10000.00',
    riskRate: '0.05',
    feeCap: '50000.00',
  } as const

  test('fixed: the fee whatever is recovered', ({ assert }) => {
    assert.equal(agreementFee(fixed, '0'), '30000.00')
    assert.equal(agreementFee(fixed, '1000000.00'), '30000.00')
  })

  test('risk-based: the rate times what is recovered, half-up to the fen', ({ assert }) => {
    assert.equal(agreementFee(risk, '1000000.00'), '80000.00')
    assert.equal(agreementFee(risk, '0.06'), '0.00') // 0.0048
    assert.equal(agreementFee(risk, '0.07'), '0.01') // 0.0056
    assert.equal(agreementFee(risk, '0'), '0.00')
  })

  test('mixed: fixed plus the risk part, the risk part capped', ({ assert }) => {
    assert.equal(agreementFee(mixed, '200000.00'), '20000.00') // 10,000 + 10,000
    assert.equal(agreementFee(mixed, '1000000.00'), '60000.00') // 10,000 + 50,000 (cap reached)
    assert.equal(agreementFee(mixed, '2000000.00'), '60000.00') // cap holds
  })

  // 司发通〔2021〕87号: 18 % / 15 % / 12 % / 9 % / 6 % on the parts of the recovery in each band.
  const ceiling = (amount: string) => riskCeiling(amount).toString()

  test('statutory ceiling: each band on the part inside it, edges exact', ({ assert }) => {
    assert.equal(ceiling('0'), '0')
    assert.equal(ceiling('1000000.00'), '180000') // 18 % of 1M
    assert.equal(ceiling('1000000.01'), '180000.0015') // + 15 % of 0.01
    assert.equal(ceiling('5000000.00'), '780000') // 180,000 + 600,000
    assert.equal(ceiling('5000000.01'), '780000.0012') // + 12 % of 0.01
    assert.equal(ceiling('10000000.00'), '1380000') // + 600,000
    assert.equal(ceiling('10000000.01'), '1380000.0009') // + 9 % of 0.01
    assert.equal(ceiling('50000000.00'), '4980000') // + 3,600,000
    assert.equal(ceiling('50000000.01'), '4980000.0006') // + 6 % of 0.01
    assert.equal(ceiling('60000000.00'), '5580000') // + 600,000
  })

  test('risk-based at 30 %: held to the ceiling in every band, rounded once at the end', ({
    assert,
  }) => {
    const high = { feeType: 'risk', fixedFee: '0', riskRate: '0.3', feeCap: null } as const
    assert.equal(agreementFee(high, '100000.00'), '18000.00') // 18 % band, not 30,000
    assert.equal(agreementFee(high, '1000000.01'), '180000.00') // 180,000.0015 → half-up once
    assert.equal(agreementFee(high, '3000000.00'), '480000.00') // 180,000 + 15 % of 2M
    assert.equal(agreementFee(high, '5000000.05'), '780000.01') // 780,000.006
    assert.equal(agreementFee(high, '20000000.00'), '2280000.00') // 1,380,000 + 9 % of 10M
    assert.equal(agreementFee(high, '100000000.00'), '7980000.00') // 4,980,000 + 6 % of 50M
    // Below the ceiling the agreed rate stands: 8 % of 1M.
    assert.equal(agreementFee(risk, '1000000.00'), '80000.00')
  })

  test('mixed: the fixed part counts against the ceiling but is never clawed back', ({
    assert,
  }) => {
    const steep = {
      feeType: 'mixed',
      fixedFee: '20000.00',
      riskRate: '0.25',
      feeCap: null,
    } as const
    // 20,000 + min(25 % × 100,000 = 25,000, 18,000 − 20,000 → 0) = 20,000
    assert.equal(agreementFee(steep, '100000.00'), '20000.00')
    // 20,000 + min(125,000, 90,000 − 20,000 = 70,000) = 90,000 (the ceiling on 500,000)
    assert.equal(agreementFee(steep, '500000.00'), '90000.00')
    assert.equal(agreementFee(steep, '0'), '20000.00')
  })
})
