import { test } from '@japa/runner'
import {
  maskBankAccount,
  maskIdNumber,
  maskName,
  maskPhone,
  maskRecord,
  maskText,
  sensitiveKindOf,
} from '#core/audit/masking'
import { diffRecords } from '#core/audit/diff'
import { categoryOf } from '#core/audit/categories'

const withNames = { maskNames: true }
const withoutNames = { maskNames: false }

test.group('Audit masking · values', () => {
  test('证件号 keeps the region prefix and the last four', ({ assert }) => {
    assert.equal(maskIdNumber('110101199001011234'), '110***********1234')
    assert.equal(maskIdNumber('11010119900101123X'), '110***********123X')
  })

  test('手机号 keeps the carrier prefix and the last four', ({ assert }) => {
    assert.equal(maskPhone('13812345678'), '138****5678')
  })

  test('银行账号 keeps the issuer prefix and the last four', ({ assert }) => {
    assert.equal(maskBankAccount('6222021234567890123'), '6222***********0123')
  })

  test('names keep the surname; company names keep both ends', ({ assert }) => {
    assert.equal(maskName('张三'), '张*')
    assert.equal(maskName('张三丰'), '张**')
    assert.equal(maskName('欧阳娜娜'), '欧阳**')
    assert.equal(maskName('北京某某贸易有限公司'), '北京******公司')
    assert.equal(maskName('李'), '*')
  })

  test('a value too short to keep both ends is fully hidden', ({ assert }) => {
    assert.equal(maskPhone('1234'), '****')
  })
})

test.group('Audit masking · keys', () => {
  test('recognises camelCase, snake_case and Chinese keys', ({ assert }) => {
    assert.equal(sensitiveKindOf('idNumber'), 'idNumber')
    assert.equal(sensitiveKindOf('id_number'), 'idNumber')
    assert.equal(sensitiveKindOf('borrowerIdNo'), 'idNumber')
    assert.equal(sensitiveKindOf('证件号码'), 'idNumber')
    assert.equal(sensitiveKindOf('mobile'), 'phone')
    assert.equal(sensitiveKindOf('contactPhone'), 'phone')
    assert.equal(sensitiveKindOf('手机号'), 'phone')
    assert.equal(sensitiveKindOf('bankAccount'), 'bankAccount')
    assert.equal(sensitiveKindOf('account_no'), 'bankAccount')
    assert.equal(sensitiveKindOf('还款账号'), 'bankAccount')
    assert.equal(sensitiveKindOf('password'), 'secret')
    assert.equal(sensitiveKindOf('accessToken'), 'secret')
    assert.equal(sensitiveKindOf('client_secret'), 'secret')
    assert.equal(sensitiveKindOf('customerName'), 'name')
  })

  test('ordinary fields are not caught by a look-alike', ({ assert }) => {
    assert.isNull(sensitiveKindOf('idNotes'))
    assert.isNull(sensitiveKindOf('accountNotes'))
    assert.isNull(sensitiveKindOf('name'))
    assert.isNull(sensitiveKindOf('realName'))
    assert.isNull(sensitiveKindOf('amount'))
  })
})

test.group('Audit masking · records', () => {
  test('masks at any depth, in objects and arrays, and removes secrets', ({ assert }) => {
    const input = {
      username: 'bj_asset',
      password: 'Secret@123',
      profile: {
        phone: '13812345678',
        token: 'ram_abc',
        contacts: [
          { name: '联系人', mobile: '13900001111' },
          { name: '备用', mobile: '13900002222' },
        ],
      },
      borrower: { customerName: '张三', idNumber: '110101199001011234' },
      repayment: { bankAccount: '6222021234567890123' },
      amount: '1234.56',
    }
    const masked = maskRecord(input, withNames)
    assert.deepEqual(masked, {
      username: 'bj_asset',
      profile: {
        phone: '138****5678',
        contacts: [
          { name: '联系人', mobile: '139****1111' },
          { name: '备用', mobile: '139****2222' },
        ],
      },
      borrower: { customerName: '张*', idNumber: '110***********1234' },
      repayment: { bankAccount: '6222***********0123' },
      amount: '1234.56',
    })
    // The caller's object is untouched.
    assert.equal(input.profile.phone, '13812345678')
    assert.equal(input.password, 'Secret@123')
  })

  test('everything under a sensitive key is masked, numbers and lists included', ({ assert }) => {
    assert.deepEqual(maskRecord({ phones: ['13812345678', 13912345678] }, withNames), {
      phones: ['138****5678', '139****5678'],
    })
    assert.deepEqual(maskRecord({ phone: { home: '13812345678' } }, withNames), {
      phone: { home: '138****5678' },
    })
  })

  test('customer names are kept when system.audit.maskNames is off', ({ assert }) => {
    assert.deepEqual(maskRecord({ customerName: '张三', phone: '13812345678' }, withoutNames), {
      customerName: '张三',
      phone: '138****5678',
    })
  })

  test('serialisable values are masked as what they serialise to', ({ assert }) => {
    const model = { toJSON: () => ({ id: 1, mobile: '13812345678' }) }
    assert.deepEqual(maskRecord({ user: model }, withNames), {
      user: { id: 1, mobile: '138****5678' },
    })
  })

  test('reference loops and BigInt values do not break masking', ({ assert }) => {
    const parent: Record<string, unknown> = { id: 1, mobile: '13812345678' }
    parent.self = parent
    assert.deepEqual(maskRecord({ parent, big: 12345678901234567890n }, withNames), {
      parent: { id: 1, mobile: '138****5678', self: '[Circular]' },
      big: '12345678901234567890',
    })
  })

  test('free text hides 身份证号 and mobile numbers but not other digit runs', ({ assert }) => {
    assert.equal(
      maskText('客户 110101199001011234 电话 13812345678 合同 HT2024000123456789012'),
      '客户 110***********1234 电话 138****5678 合同 HT2024000123456789012'
    )
    assert.isNull(maskText(null))
  })
})

test.group('Audit helpers', () => {
  test('before/after become a diff table with changed fields marked', ({ assert }) => {
    const rows = diffRecords(
      { name: '北京分行', limits: { daily: '100.00', monthly: '1000.00' }, tags: ['a'] },
      {
        name: '北京分行',
        limits: { daily: '200.00', monthly: '1000.00' },
        status: 'active',
        tags: ['a'],
      }
    )
    assert.deepEqual(rows, [
      { field: 'name', before: '北京分行', after: '北京分行', changed: false },
      { field: 'limits.daily', before: '100.00', after: '200.00', changed: true },
      { field: 'limits.monthly', before: '1000.00', after: '1000.00', changed: false },
      { field: 'tags', before: ['a'], after: ['a'], changed: false },
      { field: 'status', before: null, after: 'active', changed: true },
    ])
  })

  test('sign-in and session events are the login log; the rest are operations', ({ assert }) => {
    assert.equal(categoryOf('auth.login'), 'login')
    assert.equal(categoryOf('auth.login_failed'), 'login')
    assert.equal(categoryOf('session.kick'), 'login')
    assert.equal(categoryOf('role.grant'), 'operation')
    assert.equal(categoryOf('audit.export'), 'operation')
  })
})
