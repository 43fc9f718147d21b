import { test } from '@japa/runner'
import { maskField, maskIdNumber } from '#core/security/sensitive/mask'
import { decryptValue, encryptValue, SensitiveDecryptError } from '#core/security/sensitive/cipher'
import { blindIndex } from '#core/security/sensitive/blind_index'
import {
  deriveKeys,
  masterKeyFromEnv,
  MissingDataKeyError,
  parseDataKey,
} from '#core/security/sensitive/keys'

/* Sensitive fields: mask rules, AES-256-GCM cipher, blind index, key from the environment. */
const keyA = deriveKeys(Buffer.alloc(32, 1))
const keyB = deriveKeys(Buffer.alloc(32, 2))

test.group('Sensitive fields · mask rules', () => {
  test('ID numbers keep region and last four, phones 3 + 4, accounts 4 + 4', ({ assert }) => {
    assert.equal(maskIdNumber('110101199001011234'), '110101********1234')
    assert.equal(maskIdNumber('91110000MA01ABCD2X'), '911100********CD2X')
    assert.equal(maskIdNumber('G1234567'), 'G12*4567')
    assert.equal(maskField('phone', '13812345678'), '138****5678')
    assert.equal(maskField('account', '6222021234567890123'), '6222***********0123')
    assert.isNull(maskField('idNumber', null))
  })
})

test.group('Sensitive fields · cipher', () => {
  test('round-trips, with a fresh IV per value', ({ assert }) => {
    const a = encryptValue('110101199001011234', keyA.encryption)
    const b = encryptValue('110101199001011234', keyA.encryption)
    assert.notEqual(a, b)
    assert.notInclude(a, '110101199001011234')
    assert.equal(decryptValue(a, keyA.encryption), '110101199001011234')
    assert.equal(
      decryptValue(encryptValue('张三·证件', keyA.encryption), keyA.encryption),
      '张三·证件'
    )
  })

  test('a wrong key, a changed byte or a foreign value fails closed', ({ assert }) => {
    const stored = encryptValue('110101199001011234', keyA.encryption)
    assert.throws(() => decryptValue(stored, keyB.encryption), SensitiveDecryptError as any)
    const raw = Buffer.from(stored.slice(3), 'base64')
    raw[raw.length - 1] ^= 1
    const tampered = 'v1:' + raw.toString('base64')
    assert.throws(() => decryptValue(tampered, keyA.encryption), SensitiveDecryptError as any)
    assert.throws(
      () => decryptValue('110101199001011234', keyA.encryption),
      SensitiveDecryptError as any
    )
    assert.throws(() => decryptValue('v1:AAAA', keyA.encryption), SensitiveDecryptError as any)
  })
})

test.group('Sensitive fields · blind index and keys', () => {
  test('the index is keyed, stable and normalised', ({ assert }) => {
    const h = blindIndex('11010119900101123x', keyA.index)
    assert.match(h, /^[0-9a-f]{64}$/)
    assert.equal(blindIndex(' 11010119900101123X ', keyA.index), h)
    assert.notEqual(blindIndex('11010119900101123X', keyB.index), h)
    assert.notEqual(blindIndex('110101199001011234', keyA.index), h)
    // The two sub-keys differ: the index key does not decrypt.
    assert.notDeepEqual(keyA.index, keyA.encryption)
  })

  test('the key comes from DATA_ENCRYPTION_KEY; production refuses to run without it', ({
    assert,
  }) => {
    const hex = 'ab'.repeat(32)
    assert.deepEqual(parseDataKey(hex), Buffer.alloc(32, 0xab))
    assert.deepEqual(parseDataKey(Buffer.alloc(32, 7).toString('base64')), Buffer.alloc(32, 7))
    assert.throws(() => parseDataKey('too-short'), MissingDataKeyError as any)
    assert.deepEqual(masterKeyFromEnv({ DATA_ENCRYPTION_KEY: hex }), Buffer.alloc(32, 0xab))
    assert.throws(
      () => masterKeyFromEnv({ APP_MODE: 'production', APP_KEY: 'x'.repeat(40) }),
      MissingDataKeyError as any
    )
    // APP_MODE unset is production (config/app.ts): no fallback either.
    assert.throws(() => masterKeyFromEnv({ APP_KEY: 'x'.repeat(40) }), MissingDataKeyError as any)
    const demo = masterKeyFromEnv({ APP_MODE: 'demo', APP_KEY: 'x'.repeat(40) })
    assert.lengthOf(demo, 32)
    assert.notDeepEqual(masterKeyFromEnv({ APP_MODE: 'demo', APP_KEY: 'y'.repeat(40) }), demo)
  })
})
