/*
| Reading form definitions, fields and changes (rows → API shapes).
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { FormFieldType } from './field_types.js'
import type { CurrentField } from './operations.js'
import type { DdlStep } from './ddl_script.js'

/** What one run did with one step of a change's script. */
export interface StepLogEntry {
  run: number
  step: number
  outcome: 'applied' | 'present' | 'failed'
  at: string
  by: number | null
  error?: string
}

export interface FormDefinition {
  id: number
  code: string
  nameZh: string
  nameEn: string
  status: 'draft' | 'effective' | 'inactive'
  version: number
  menuParent: string | null
  menuOrder: number
  ledger: boolean
  createdBy: number
  orgId: number
}

export interface StoredField extends CurrentField {
  id: number
  sort: number
  sinceVersion: number
}

export const definitionOf = (row: any): FormDefinition => ({
  id: Number(row.id),
  code: row.code,
  nameZh: row.name_zh,
  nameEn: row.name_en,
  status: row.status,
  version: Number(row.version),
  menuParent: row.menu_parent ?? null,
  menuOrder: Number(row.menu_order),
  ledger: Boolean(row.ledger),
  createdBy: Number(row.created_by),
  orgId: Number(row.org_id),
})

const fieldOf = (row: any): StoredField => ({
  id: Number(row.id),
  code: row.code,
  labelZh: row.label_zh,
  labelEn: row.label_en,
  type: row.type as FormFieldType,
  length: row.length === null ? null : Number(row.length),
  dictionary: row.dictionary ?? null,
  required: Boolean(row.required),
  unique: Boolean(row.is_unique),
  indexed: Boolean(row.indexed),
  active: Boolean(row.active),
  sort: Number(row.sort),
  sinceVersion: Number(row.since_version),
})

export const changeOf = (row: any) => ({
  id: Number(row.id),
  formId: Number(row.form_id),
  version: Number(row.version),
  operations: JSON.parse(row.operations),
  script: JSON.parse(row.script) as string[],
  /** Null on a change drafted before scripts had steps: its statements then run unchecked. */
  steps: row.steps ? (JSON.parse(row.steps) as DdlStep[]) : null,
  stepLog: row.step_log ? (JSON.parse(row.step_log) as StepLogEntry[]) : [],
  appliedSteps: Number(row.applied_steps ?? 0),
  dialect: row.dialect as string,
  status: row.status as string,
  instanceId: row.instance_id === null ? null : Number(row.instance_id),
  error: row.error ?? null,
  createdBy: Number(row.created_by),
  approvedBy: row.approved_by === null ? null : Number(row.approved_by),
  appliedAt: row.applied_at ?? null,
  createdAt: row.created_at,
})
export type FormChange = ReturnType<typeof changeOf>

export async function findForm(id: number, client: QueryClientContract = db.connection()) {
  const row = await client.from('form_definitions').where('id', id).first()
  return row ? definitionOf(row) : null
}

export async function findFormByCode(code: string) {
  const row = await db.from('form_definitions').where('code', code).first()
  return row ? definitionOf(row) : null
}

export async function listForms() {
  return (await db.from('form_definitions').orderBy('id')).map(definitionOf)
}

export async function fieldsOf(formId: number, client: QueryClientContract = db.connection()) {
  return (await client.from('form_fields').where('form_id', formId).orderBy('sort')).map(fieldOf)
}

export async function changesOf(formId: number) {
  return (await db.from('form_changes').where('form_id', formId).orderBy('id', 'desc')).map(
    changeOf
  )
}

export async function findChange(id: number, client: QueryClientContract = db.connection()) {
  const row = await client.from('form_changes').where('id', id).first()
  return row ? changeOf(row) : null
}

/** The change still open on a form (drafted or in approval): at most one at a time. */
export async function openChangeOf(formId: number, client: QueryClientContract = db.connection()) {
  const row = await client
    .from('form_changes')
    .where('form_id', formId)
    .whereIn('status', ['draft', 'pending', 'approved', 'applying', 'failed'])
    .first()
  return row ? changeOf(row) : null
}
