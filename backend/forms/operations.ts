/*
| What a form change may do. A change is a list of operations, validated
| (form_validator.ts) and checked against the form's current fields here;
| the DDL script is generated from them (ddl_script.ts).
*/
import { TEXT_MAX_LENGTH, type FieldSpec } from './field_types.js'

export type Operation =
  | { op: 'create'; fields: FieldSpec[] }
  | { op: 'addField'; field: FieldSpec }
  | { op: 'widen'; code: string; length: number }
  | { op: 'relabel'; code: string; labelZh: string; labelEn: string }
  | { op: 'deactivateField'; code: string }
  | { op: 'deactivateForm' }

export interface CurrentField extends FieldSpec {
  active: boolean
}

/** One refusal: the field path (e.g. `operations.1.length`) and a message key of forms messages. */
export interface OperationProblem {
  field: string
  key: string
}

/** Checks the operations against the form as it is; an empty list means the change may be drafted. */
export function checkOperations(ops: Operation[], current: CurrentField[]): OperationProblem[] {
  const problems: OperationProblem[] = []
  const byCode = new Map(current.map((f) => [f.code, f]))
  const seen = new Set<string>()
  const checkNew = (f: FieldSpec, path: string) => {
    if (byCode.has(f.code) || seen.has(f.code))
      problems.push({ field: `${path}.code`, key: 'forms.fieldExists' })
    seen.add(f.code)
    if (f.type !== 'text' && f.length)
      problems.push({ field: `${path}.length`, key: 'forms.lengthTextOnly' })
    if (f.type === 'dict' && !f.dictionary)
      problems.push({ field: `${path}.dictionary`, key: 'forms.dictionaryRequired' })
    if (f.type === 'longtext' && (f.unique || f.indexed))
      problems.push({ field: `${path}.indexed`, key: 'forms.longtextIndex' })
    if (f.type === 'attachment' && (f.unique || f.indexed))
      problems.push({ field: `${path}.indexed`, key: 'forms.attachmentIndex' })
  }
  ops.forEach((op, i) => {
    const path = `operations.${i}`
    if (op.op === 'create') {
      if (current.length) problems.push({ field: `${path}.op`, key: 'forms.alreadyCreated' })
      if (!op.fields.length) problems.push({ field: `${path}.fields`, key: 'forms.noFields' })
      op.fields.forEach((f, j) => checkNew(f, `${path}.fields.${j}`))
      return
    }
    if (op.op === 'addField') return checkNew(op.field, `${path}.field`)
    if (op.op === 'deactivateForm') return
    const field = byCode.get(op.code)
    if (!field || !field.active) {
      problems.push({ field: `${path}.code`, key: 'forms.unknownField' })
      return
    }
    if (op.op === 'widen') {
      if (field.type !== 'text')
        problems.push({ field: `${path}.code`, key: 'forms.widenTextOnly' })
      else if (op.length <= (field.length ?? 0) || op.length > TEXT_MAX_LENGTH)
        problems.push({ field: `${path}.length`, key: 'forms.widenOnly' })
    }
  })
  if (current.length === 0 && !ops.some((o) => o.op === 'create'))
    problems.push({ field: 'operations', key: 'forms.createFirst' })
  return problems
}

/** The field set after the operations (the version they make effective). */
export function fieldsAfter(ops: Operation[], current: CurrentField[]): CurrentField[] {
  const fields = current.map((f) => ({ ...f }))
  const find = (code: string) => fields.find((f) => f.code === code)!
  for (const op of ops) {
    if (op.op === 'create') fields.push(...op.fields.map((f) => ({ ...f, active: true })))
    else if (op.op === 'addField') fields.push({ ...op.field, active: true })
    else if (op.op === 'widen') find(op.code).length = op.length
    else if (op.op === 'relabel')
      Object.assign(find(op.code), { labelZh: op.labelZh, labelEn: op.labelEn })
    else if (op.op === 'deactivateField') find(op.code).active = false
  }
  return fields
}
