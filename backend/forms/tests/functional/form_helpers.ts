/*
| 表单构建 test DSL: the administrator (admin) designs and submits, the
| operations administrator (ops, another head-office account) approves.
| Each test file uses its own form codes (the tables stay until the run's
| database is dropped; the group teardown drops them anyway).
*/
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { tokenFor } from '#tests/helpers/auth'

export const tableExists = (table: string) => db.connection().schema.hasTable(table)
export const columnExists = (table: string, column: string) =>
  db.connection().schema.hasColumn(table, column)

export async function dropFormTables(codes: string[]) {
  for (const code of codes) await db.connection().schema.dropTableIfExists(`form_${code}`)
}

export const baseFields = [
  {
    code: 'contract_no',
    labelZh: '合同号',
    labelEn: 'Contract no.',
    type: 'text',
    length: 20,
    required: true,
    unique: true,
  },
  { code: 'amount', labelZh: '金额', labelEn: 'Amount', type: 'money', required: true },
  { code: 'sign_date', labelZh: '签订日期', labelEn: 'Signed on', type: 'date', indexed: true },
  { code: 'remark', labelZh: '备注', labelEn: 'Remark', type: 'longtext' },
]

/** Designs a form as admin; returns its id and the drafted change. */
export async function designForm(client: ApiClient, code: string, extra: object = {}) {
  const response = await client
    .post('/api/forms')
    .bearerToken(await tokenFor('admin'))
    .json({ code, nameZh: `测试表单${code}`, nameEn: `Form ${code}`, fields: baseFields, ...extra })
  response.assertStatus(201)
  return { formId: response.body().id as number, changeId: response.body().changeId as number }
}

/** Submits the change as admin and approves it as ops; returns the approval's response. */
export async function submitAndApprove(client: ApiClient, formId: number, changeId: number) {
  const submitted = await client
    .post(`/api/forms/${formId}/changes/${changeId}/submit`)
    .bearerToken(await tokenFor('admin'))
    .json({})
  submitted.assertStatus(200)
  const instanceId = submitted.body().instanceId as number
  const approved = await client
    .post(`/api/workflow/instances/${instanceId}/approve`)
    .bearerToken(await tokenFor('ops'))
    .json({ comment: `同意 ${changeId}` })
  return { instanceId, approved }
}

/** The change once its after-approval run is over (the DDL runs after the approval commits). */
export async function settledChange(changeId: number) {
  for (let i = 0; i < 100; i++) {
    const row = await db.from('form_changes').where('id', changeId).firstOrFail()
    if (!['approved', 'applying'].includes(row.status)) return row
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`form change ${changeId} did not settle`)
}
