/*
| 接口测试 · saved cases and suites: a case is an interface, a payload and the
| outcome expected (success, or a failure such as a refused bad request); a
| suite run (e.g. after an upgrade of the bank's system) runs every case of the
| chosen systems one after the other and reports pass/fail per case.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { runInterfaceTest, type InterfaceTestResult } from './run_interface_test.js'

export interface CaseInput {
  name: string
  system: string
  interface: string
  payload: unknown
  expect: 'success' | 'failure'
}

export const toCase = (r: any) => ({
  id: Number(r.id),
  name: r.name,
  system: r.system_code,
  interface: r.interface_code,
  payload: JSON.parse(r.payload),
  expect: r.expect_outcome as 'success' | 'failure',
  createdBy: r.created_by === null ? null : Number(r.created_by),
  updatedAt: r.updated_at,
})

export async function listCases(system?: string) {
  const query = db.from('interface_test_cases').orderBy(['system_code', 'interface_code', 'id'])
  if (system) query.where('system_code', system)
  return (await query).map(toCase)
}

export async function findCase(id: number) {
  const row = await db.from('interface_test_cases').where('id', id).first()
  return row ? toCase(row) : null
}

export async function saveCase(input: CaseInput, actorId: number, id?: number) {
  const columns = {
    name: input.name,
    system_code: input.system,
    interface_code: input.interface,
    payload: JSON.stringify(input.payload ?? null),
    expect_outcome: input.expect,
    updated_at: dbNow(),
  }
  if (id) {
    await db.from('interface_test_cases').where('id', id).update(columns)
    return (await findCase(id))!
  }
  const [newId] = await db
    .table('interface_test_cases')
    .insert({ ...columns, created_by: actorId, created_at: dbNow() })
  return (await findCase(Number(newId)))!
}

export async function deleteCase(id: number) {
  return (await db.from('interface_test_cases').where('id', id).delete()) as unknown as number
}

export interface SuiteRow {
  caseId: number
  name: string
  system: string
  interface: string
  expect: 'success' | 'failure'
  passed: boolean
  result: InterfaceTestResult | null
  refused: string | null
}

export async function runSuite(systems?: string[]) {
  const query = db.from('interface_test_cases').orderBy(['system_code', 'interface_code', 'id'])
  if (systems?.length) query.whereIn('system_code', systems)
  const rows: SuiteRow[] = []
  for (const c of (await query).map(toCase)) {
    try {
      const result = await runInterfaceTest(c.system, c.interface, c.payload)
      rows.push({
        caseId: c.id,
        name: c.name,
        system: c.system,
        interface: c.interface,
        expect: c.expect,
        passed: result.ok === (c.expect === 'success'),
        result,
        refused: null,
      })
    } catch (error) {
      // A refused case (unknown interface after an upgrade, money outside the simulator) fails.
      rows.push({
        caseId: c.id,
        name: c.name,
        system: c.system,
        interface: c.interface,
        expect: c.expect,
        passed: false,
        result: null,
        refused: (error as Error).message,
      })
    }
  }
  return {
    total: rows.length,
    passed: rows.filter((r) => r.passed).length,
    failed: rows.filter((r) => !r.passed).length,
    rows,
  }
}
