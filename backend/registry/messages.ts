import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the registry area (数据字典, 系统提示, 参数, 菜单). Keys: 'registry.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'registry.source.core': '系统核心',
    'registry.source.plugin': '插件“{name}”',

    'registry.setting.number': '参数值必须是数字（可带小数）',
    'registry.setting.integer': '参数值必须是整数',
    'registry.setting.amount': '参数值必须是金额（元），最多两位小数，范围 0 到 {max}',
    'registry.setting.boolean': '参数值只能是“是”或“否”（true / false）',
    'registry.setting.json': '参数值不是有效的 JSON',
    'registry.setting.stringTooLong': '参数值最多 {max} 个字符',
    'registry.setting.frozen': '参数“{name}”已冻结，解冻后才能修改',

    'registry.dict.typeExists': '字典编码 {code} 已存在',
    'registry.dict.itemExists': '该字典下已有编码为 {code} 的字典项',
    'registry.dict.typeNotDeletable': '字典“{name}”由{source}声明，不能删除',
    'registry.dict.itemNotDeletable': '字典项“{label}”由{source}声明，不能删除；不再使用时请停用',
    'registry.dict.itemCodeLocked': '插件声明的字典项不能修改编码',
    'registry.dict.itemColorLocked': '插件声明的字典项不能修改样式',
    'registry.dict.reorderMismatch': '排序须列出该字典的全部字典项，且每项只出现一次',

    'registry.menu.notDeletable': '菜单“{name}”由{source}声明，不能删除；可以改名或隐藏',
    'registry.menu.hasChildren': '菜单“{name}”下还有子菜单，请先删除或移走子菜单',
    'registry.menu.codeExists': '菜单编码 {code} 已存在',
    'registry.menu.parentNotDirectory': '上级菜单必须是目录',

    'registry.prompt.unknownKey': '没有这个提示键：{key}',
    'registry.prompt.placeholder': '提示文字中的占位符 {names} 不可用；可用的占位符：{allowed}',
  },
  'en': {
    'registry.source.core': 'the core',
    'registry.source.plugin': 'plugin "{name}"',

    'registry.setting.number': 'The value must be a number (decimals allowed)',
    'registry.setting.integer': 'The value must be a whole number',
    'registry.setting.amount':
      'The value must be an amount in yuan with at most two decimals, from 0 to {max}',
    'registry.setting.boolean': 'The value must be true or false',
    'registry.setting.json': 'The value is not valid JSON',
    'registry.setting.stringTooLong': 'The value allows at most {max} characters',
    'registry.setting.frozen': 'The parameter "{name}" is frozen; unfreeze it before changing it',

    'registry.dict.typeExists': 'A dictionary with code {code} already exists',
    'registry.dict.itemExists': 'This dictionary already has an item with code {code}',
    'registry.dict.typeNotDeletable':
      'The dictionary "{name}" is declared by {source} and cannot be deleted',
    'registry.dict.itemNotDeletable':
      'The item "{label}" is declared by {source} and cannot be deleted; disable it instead',
    'registry.dict.itemCodeLocked': 'The code of an item declared by a plugin cannot change',
    'registry.dict.itemColorLocked': 'The style of an item declared by a plugin cannot change',
    'registry.dict.reorderMismatch':
      'The new order must list every item of the dictionary exactly once',

    'registry.menu.notDeletable':
      'The menu "{name}" is declared by {source} and cannot be deleted; rename or hide it instead',
    'registry.menu.hasChildren':
      'The menu "{name}" still has entries under it; delete or move them first',
    'registry.menu.codeExists': 'A menu with code {code} already exists',
    'registry.menu.parentNotDirectory': 'The parent menu must be a directory',

    'registry.prompt.unknownKey': 'No such message key: {key}',
    'registry.prompt.placeholder':
      'The placeholders {names} are not available here; available: {allowed}',
  },
}

export default part
