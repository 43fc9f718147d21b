/*
| Extension fields in the owner's 综合查询 datasets and ledgers: each extension
| table is LEFT JOINed on its primary key `id` = the record's id expression the
| owner declared, and each field becomes a query field / ledger column. The SQL
| is built only from manifest names checked in extension_registry.ts.
*/
import { ManifestError } from '#core/plugins/validate_manifest'
import type { LedgerColumn, LedgerDefinition } from '#core/plugins/types'
import type { QueryDatasetDefinition, QueryFieldType } from '#core/query/dataset_types'
import type { ExtensionIndex } from './extension_registry.js'

const QUERY_TYPE: Record<string, QueryFieldType> = {
  text: 'string',
  number: 'number',
  date: 'date',
  money: 'amount',
  dict: 'dict',
}

export const EXTENSION_CATEGORY = {
  id: 'extension',
  name: { zh: '扩展字段', en: 'Extension fields' },
}

/** The extensions of every record whose owner listed this dataset. */
function datasetExtensions(index: ExtensionIndex, datasetId: string) {
  return [...index.records.values()].flatMap((record) => {
    const idSql = record.definition.datasets?.[datasetId]
    return idSql ? record.extensions.map((extension) => ({ idSql, ...extension })) : []
  })
}

/** The dataset with the extension fields added (the same object when nothing extends it). */
export function extendDataset(
  dataset: QueryDatasetDefinition,
  index: ExtensionIndex
): QueryDatasetDefinition {
  const extensions = datasetExtensions(index, dataset.id)
  if (!extensions.length) return dataset
  const join = (query: Parameters<QueryDatasetDefinition['from']>[0]) => {
    for (const { set, alias, idSql } of extensions)
      query.leftJoin(`${set.table} as ${alias}`, `${alias}.id`, idSql)
  }
  return {
    ...dataset,
    categories: [...dataset.categories, EXTENSION_CATEGORY],
    from(query) {
      dataset.from(query)
      join(query)
    },
    asOf: dataset.asOf && {
      ...dataset.asOf,
      // Extension values have no history: a past date shows today's values.
      from(query, date) {
        dataset.asOf!.from(query, date)
        join(query)
      },
    },
    fields: [
      ...dataset.fields,
      ...extensions.flatMap(({ set, alias }) =>
        set.fields.map((field) => ({
          id: field.key,
          label: field.label,
          type: QUERY_TYPE[field.type],
          source: `${alias}.${field.column}`,
          dictionary: field.dict,
          permission: set.permission,
          category: EXTENSION_CATEGORY.id,
          groupable: field.type !== 'money',
        }))
      ),
    ],
  }
}

/**
 * The ledger with extension columns (visible, sortable) and their lookups. A
 * field set with its own permission is left out: ledger columns have none.
 */
export function extendLedger(ledger: LedgerDefinition, index: ExtensionIndex): LedgerDefinition {
  const lookups = [...(ledger.lookups ?? [])]
  const columns: LedgerColumn[] = [...ledger.columns]
  for (const record of index.records.values()) {
    const on = record.definition.ledgers?.[ledger.id]
    if (!on) continue
    for (const { set, alias } of record.extensions) {
      if (set.permission) continue
      lookups.push({ alias, table: set.table, on: on.on, asOfOn: on.asOfOn })
      for (const field of set.fields) {
        if (columns.some((c) => c.key === field.key))
          throw new ManifestError(set.record, `ledger "${ledger.id}" already has "${field.key}"`)
        columns.push({
          key: field.key,
          label: field.label,
          type: field.type,
          sql: `${alias}.${field.column}`,
          dict: field.dict,
          sortable: true,
          width: 16,
        })
      }
    }
  }
  return columns.length === ledger.columns.length ? ledger : { ...ledger, lookups, columns }
}
