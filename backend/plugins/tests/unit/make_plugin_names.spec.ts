import { test } from '@japa/runner'
import { names, render } from '#core/commands/make_plugin'

test.group('make:plugin naming', () => {
  test('derives resource, table and class names from the id', ({ assert }) => {
    const n = names('loan-notes')
    assert.equal(n.resource, 'note')
    assert.equal(n.resources, 'notes')
    assert.equal(n.Resource, 'Note')
    assert.equal(n.resourceCamel, 'note')
    assert.equal(names('loan-notes', 'visit-log').resourceCamel, 'visitLog')
    assert.equal(n.table, 'loan_notes')
    assert.equal(n.nameEn, 'Loan Notes')
  })

  test('prefixes the table when the id does not end in a plural', ({ assert }) => {
    const n = names('collection-log', 'visit', '催收记录')
    assert.equal(n.table, 'collection_log_visits')
    assert.equal(n.nameZh, '催收记录')
  })

  test('renders placeholders without escaping code', ({ assert }) => {
    assert.equal(
      render(`'{{a}}' <{{b}}> {{missing}}`, { a: 'x', b: 'y&z' }),
      `'x' <y&z> {{missing}}`
    )
  })
})
