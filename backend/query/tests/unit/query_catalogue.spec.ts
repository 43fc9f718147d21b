import { test } from '@japa/runner'
import { indexDatasets } from '#core/query/catalogue'
import { boundValue, containsPattern } from '#core/query/condition_values'
import { QueryError } from '#core/query/query_error'
import type { QueryDatasetDefinition, QueryFieldDefinition } from '#core/query/dataset_types'

const field = (
  id: string,
  type: QueryFieldDefinition['type'],
  extra = {}
): QueryFieldDefinition => ({
  id,
  label: { zh: id, en: id },
  type,
  source: `t.${id}`,
  ...extra,
})
const dataset = (extra: Partial<QueryDatasetDefinition> = {}): QueryDatasetDefinition => ({
  id: 'demo:things',
  name: { zh: '东西', en: 'Things' },
  permission: 'demo:thing:list',
  categories: [{ id: 'main', name: { zh: '主要', en: 'Main' } }],
  from: () => {},
  scope: { orgColumn: 't.org_id' },
  key: 't.id',
  fields: [field('name', 'string', { category: 'main' })],
  ...extra,
})
const index = (d: QueryDatasetDefinition, declared = ['demo:thing:list']) =>
  indexDatasets([{ pluginId: 'demo', declared: new Set(declared), datasets: [d] }])

test.group('综合查询 catalogue: a developer’s mistake stops at the first use, named', () => {
  test('accepts a well-formed dataset', ({ assert }) => {
    assert.isTrue(index(dataset()).get('demo:things')!.fields.has('name'))
  })

  for (const [what, bad, message] of [
    ['a foreign id prefix', dataset({ id: 'other:things' }), /must be "demo:<name>"/],
    ['an undeclared permission', dataset({ permission: 'demo:secret:list' }), /not declared/],
    [
      'a field id that is not an identifier',
      dataset({ fields: [field('a b', 'string')] }),
      /bad field id/,
    ],
    ['a duplicate field', dataset({ fields: [field('a', 'string'), field('a', 'date')] }), /twice/],
    [
      'a dict field without dictionary',
      dataset({ fields: [field('c', 'dict')] }),
      /names no dictionary/,
    ],
    [
      'an unknown category',
      dataset({ fields: [field('c', 'date', { category: 'x' })] }),
      /unknown category/,
    ],
    [
      'an undeclared field permission',
      dataset({ fields: [field('c', 'date', { permission: 'demo:x:y' })] }),
      /undeclared/,
    ],
    ['an unknown default field', dataset({ defaultFields: ['nope'] }), /default field/],
  ] as const) {
    test(`refuses ${what}`, ({ assert }) => {
      assert.throws(() => index(bad), message)
    })
  }
})

test.group('综合查询 values: typed, canonical, never SQL', () => {
  test('like escapes its own wildcards with !', ({ assert }) => {
    assert.equal(containsPattern('50%_a!b'), '%50!%!_a!!b%')
  })

  test('amounts become whole fen; junk is a 422 on that value', ({ assert }) => {
    assert.equal(boundValue(field('b', 'amount'), '1234.5', 'v', null), '123450')
    assert.equal(
      boundValue(field('b', 'amount'), '90071992547409.93', 'v', null),
      '9007199254740993'
    )
    for (const junk of ['1.234', '1e3', '0 OR 1=1', '', '１２'])
      assert.throws(() => boundValue(field('b', 'amount'), junk, 'v', null), QueryError)
  })

  test('dates must exist; codes must be in the dictionary', ({ assert }) => {
    assert.equal(boundValue(field('d', 'date'), '2024-02-29', 'v', null), '2024-02-29')
    assert.throws(() => boundValue(field('d', 'date'), '2023-02-29', 'v', null), QueryError)
    const codes = new Set(['normal'])
    assert.equal(boundValue(field('c', 'dict'), 'normal', 'v', codes), 'normal')
    assert.throws(() => boundValue(field('c', 'dict'), 'loss', 'v', codes), QueryError)
    assert.throws(() => boundValue(field('n', 'number'), '1;', 'v', null), QueryError)
  })
})
