/*
| The field types a form may have, with their names in both languages: the
| one list the server (validation, DDL, 综合查询) and the console (designer,
| CRUD page) read. Plain data, no imports: the console bundles this file
| (frontend/src/api/forms.ts), as it does backend/notices/rich_text_rules.ts.
*/

export const FIELD_TYPES = [
  'text',
  'longtext',
  'integer',
  'money',
  'date',
  'dict',
  'org',
  'user',
  'attachment',
] as const
export type FormFieldType = (typeof FIELD_TYPES)[number]

export const FIELD_TYPE_LABELS: Record<FormFieldType, { zh: string; en: string }> = {
  text: { zh: '文本', en: 'Text' },
  longtext: { zh: '长文本', en: 'Long text' },
  integer: { zh: '整数', en: 'Integer' },
  money: { zh: '金额（分）', en: 'Amount (fen)' },
  date: { zh: '日期', en: 'Date' },
  dict: { zh: '字典', en: 'Dictionary' },
  org: { zh: '机构', en: 'Org' },
  user: { zh: '用户', en: 'User' },
  attachment: { zh: '附件', en: 'Attachment' },
}

/** Types whose column cannot be unique or indexed (TEXT on MariaDB; a file is no lookup key). */
export const UNINDEXABLE_TYPES: readonly FormFieldType[] = ['longtext', 'attachment']
