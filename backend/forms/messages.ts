import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of 表单构建. Keys: 'forms.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'forms.codeTaken': '表单编码已被使用',
    'forms.fieldExists': '字段编码已存在',
    'forms.lengthTextOnly': '只有文本字段可以设置长度',
    'forms.dictionaryRequired': '字典字段须指定字典类型',
    'forms.unknownDictionary': '字典类型不存在',
    'forms.longtextIndex': '长文本字段不能设为唯一或建立索引',
    'forms.alreadyCreated': '表单已建表，只能增加或修改字段',
    'forms.noFields': '至少需要一个字段',
    'forms.unknownField': '字段不存在或已失效',
    'forms.widenTextOnly': '只有文本字段可以加长',
    'forms.widenOnly': '长度只能加大（最大 2000）',
    'forms.createFirst': '表单尚未建表',
    'forms.changeOpen': '该表单已有未完成的变更，请先提交审批或放弃',
    'forms.inactive': '表单已失效',
    'forms.notDraft': '该变更不是草稿，不能提交',
    'forms.notEffective': '表单未生效',
    'forms.uniqueTaken': '该值已被其他记录使用',
    'forms.badReference': '所选值不存在',
    'forms.unknownMenu': '菜单目录不存在',
  },
  'en': {
    'forms.codeTaken': 'This form code is already used',
    'forms.fieldExists': 'This field code already exists',
    'forms.lengthTextOnly': 'Only text fields have a length',
    'forms.dictionaryRequired': 'A dictionary field needs a dictionary type',
    'forms.unknownDictionary': 'No such dictionary type',
    'forms.longtextIndex': 'A long text field cannot be unique or indexed',
    'forms.alreadyCreated': 'The table exists; add or change fields instead',
    'forms.noFields': 'At least one field is needed',
    'forms.unknownField': 'No such active field',
    'forms.widenTextOnly': 'Only text fields can be widened',
    'forms.widenOnly': 'The length can only grow (at most 2000)',
    'forms.createFirst': 'The form has no table yet',
    'forms.changeOpen': 'The form has an unfinished change; submit or discard it first',
    'forms.inactive': 'The form is inactive',
    'forms.notDraft': 'This change is not a draft',
    'forms.notEffective': 'The form is not in effect',
    'forms.uniqueTaken': 'Another record already has this value',
    'forms.badReference': 'The chosen value does not exist',
    'forms.unknownMenu': 'No such menu directory',
  },
}

export default part
