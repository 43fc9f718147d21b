/*
| Effective forms as 综合查询 datasets and 台账: built from the field set
| (whitelisted types, validated column names quoted here), registered into
| the core catalogue and ledger registry as dynamic sources. Cached in the
| process, dropped when a change applies or the settings change here, and
| at most 30 s old on another node.
*/
import db from '@adonisjs/lucid/services/db'
import { registerDatasetSource } from '#core/query/catalogue'
import { registerLedgerSource, type RegisteredLedger } from '#core/ledgers/registry'
import type { QueryDatasetDefinition, QueryFieldDefinition } from '#core/query/dataset_types'
import type { LedgerColumn } from '#core/plugins/types'
import { camelOf, columnOf, tableOf, type FormFieldType } from './field_types.js'
import { definitionOf, type FormDefinition, type StoredField } from './form_store.js'
import { fieldsOf } from './form_store.js'
import { ledgerIdOf, permissionOf } from './form_publish.js'

const TTL_MS = 30_000
let cached: {
  at: number
  forms: Promise<{ form: FormDefinition; fields: StoredField[] }[]>
} | null = null

export function forgetFormSources() {
  cached = null
}

function effectiveForms() {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const forms = (async () => {
      const rows = await db.from('form_definitions').where('status', 'effective').orderBy('id')
      const out = []
      for (const row of rows) {
        const form = definitionOf(row)
        out.push({ form, fields: (await fieldsOf(form.id)).filter((f) => f.active) })
      }
      return out
    })()
    cached = { at: Date.now(), forms }
    forms.catch(() => (cached = null))
  }
  return cached.forms.catch((error) => {
    // Before the migrations ran (a fresh database at boot) there are no forms.
    if (/doesn't exist|no such table/i.test(String(error?.message))) return []
    throw error
  })
}

/** `f`.`col`: backticks quote in MariaDB and SQLite alike; the name passed FIELD_CODE. */
const col = (code: string) => `f.\`${columnOf(code)}\``

function sourceOf(f: StoredField) {
  if (f.type === 'org') return `(SELECT o.name FROM orgs o WHERE o.id = ${col(f.code)})`
  if (f.type === 'user') return `(SELECT u.real_name FROM users u WHERE u.id = ${col(f.code)})`
  // The file's name only: the bytes are reached through the record's page, which checks scope.
  if (f.type === 'attachment')
    return `(SELECT ff.file_name FROM form_files ff WHERE ff.id = ${col(f.code)})`
  return col(f.code)
}

const QUERY_TYPE = {
  text: 'string',
  longtext: 'string',
  integer: 'number',
  money: 'amount',
  date: 'date',
  dict: 'dict',
  org: 'string',
  user: 'string',
  attachment: 'string',
} as const satisfies Record<FormFieldType, string>

export function datasetOf(form: FormDefinition, fields: StoredField[]): QueryDatasetDefinition {
  const table = tableOf(form.code)
  const queryFields: QueryFieldDefinition[] = fields.map((f) => ({
    id: camelOf(f.code),
    label: { zh: f.labelZh, en: f.labelEn },
    type: QUERY_TYPE[f.type],
    source: sourceOf(f),
    dictionary: f.dictionary ?? undefined,
    category: 'fields',
    groupable: !['longtext', 'attachment'].includes(f.type) && !f.unique,
  }))
  queryFields.push(
    {
      id: 'recordOrg',
      label: { zh: '登记机构', en: 'Recorded by org' },
      type: 'string',
      source: '(SELECT o.name FROM orgs o WHERE o.id = f.org_id)',
      category: 'record',
    },
    {
      id: 'recordDate',
      label: { zh: '登记日期', en: 'Recorded on' },
      type: 'date',
      source: 'DATE(f.created_at)',
      category: 'record',
    }
  )
  return {
    id: `system:${ledgerIdOf(form.code)}`,
    name: { zh: `表单：${form.nameZh}`, en: `Form: ${form.nameEn}` },
    permission: permissionOf(form.code, 'list'),
    categories: [
      { id: 'fields', name: { zh: '表单字段', en: 'Form fields' } },
      { id: 'record', name: { zh: '登记信息', en: 'Record' } },
    ],
    from: (query) => {
      query.from(`${table} as f`)
    },
    scope: { orgColumn: 'f.org_id', ownerColumn: 'f.created_by' },
    key: 'f.id',
    fields: queryFields,
    defaultFields: queryFields.slice(0, 6).map((f) => f.id),
  }
}

const LEDGER_TYPE = {
  text: 'text',
  longtext: 'text',
  integer: 'number',
  money: 'money',
  date: 'date',
  dict: 'dict',
  org: 'text',
  user: 'text',
  attachment: 'text',
} as const satisfies Record<FormFieldType, string>

export function ledgerOf(form: FormDefinition, fields: StoredField[]): RegisteredLedger {
  const columns: LedgerColumn[] = fields.map((f) => ({
    key: camelOf(f.code),
    label: { zh: f.labelZh, en: f.labelEn },
    type: LEDGER_TYPE[f.type],
    sql: sourceOf(f),
    dict: f.dictionary ?? undefined,
    sortable: !['longtext', 'attachment'].includes(f.type),
    total: f.type === 'money',
  }))
  columns.push({
    key: 'recordId',
    label: { zh: '记录号', en: 'Record' },
    type: 'number',
    sql: 'f.id',
    sortable: true,
    link: { sql: 'f.id', path: `/forms/data/${form.code}`, param: 'id' },
  })
  return {
    pluginId: 'system',
    id: ledgerIdOf(form.code),
    name: { zh: `${form.nameZh}台账`, en: `${form.nameEn} ledger` },
    permission: permissionOf(form.code, 'list'),
    menu: { parent: form.menuParent ?? 'system:tools' },
    query: ({ db: client }) => client.from(`${tableOf(form.code)} as f`),
    rowKey: 'f.id',
    scope: { orgColumn: 'f.org_id', ownerColumn: 'f.created_by' },
    columns,
    defaultSort: { key: 'recordId', order: 'desc' },
  }
}

export function registerFormSources() {
  registerDatasetSource(async () => {
    const forms = await effectiveForms()
    return {
      pluginId: 'system',
      permissions: forms.map(({ form }) => permissionOf(form.code, 'list')),
      datasets: forms.map(({ form, fields }) => datasetOf(form, fields)),
    }
  })
  registerLedgerSource(async () =>
    (await effectiveForms())
      .filter(({ form }) => form.ledger)
      .map(({ form, fields }) => ledgerOf(form, fields))
  )
}
