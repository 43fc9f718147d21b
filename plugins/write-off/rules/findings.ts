/* Subjects checked against their chosen rules with the evidence on file. */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { checkRule, type Finding } from './check.js'
import { loadRules } from './rule_store.js'
import { docCodesOf } from '../evidence/evidence_service.js'
import type { Subject } from '../plans/subjects.js'
import { WriteOffError } from '../plans/write_off_error.js'

export interface Checked {
  subject: Subject
  finding: Finding
}

export async function checkSubjects(
  items: Array<{ subject: Subject; ruleCode: string }>,
  client: Pick<QueryClientContract, 'from'> = db
): Promise<Checked[]> {
  const rules = new Map((await loadRules(client)).map((r) => [r.code, r]))
  const docs = await docCodesOf(
    items.map((i) => i.subject),
    client
  )
  return items.map(({ subject, ruleCode }) => {
    const rule = rules.get(ruleCode)
    if (!rule) throw new WriteOffError(422, `核销条件 ${ruleCode} 不存在`)
    const finding = checkRule(
      rule,
      { kind: subject.kind, principalFen: subject.principalFen, overdueDays: subject.overdueDays },
      docs.get(`${subject.kind}:${subject.id}`) ?? []
    )
    return { subject, finding }
  })
}
