import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the notices area. Keys: 'notices.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'notices.notDraft': '只有草稿状态的通知可以修改或发布',
    'notices.notPublished': '只有已发布的通知可以撤销',
    'notices.onlyDraftDeleted': '只有草稿可以删除；已发布的通知请撤销',
    'notices.unknownKind': '通知类型不存在或已停用',
    'notices.unknownSort': '不支持按该字段排序',
    'notices.contentEmpty': '通知内容不能为空（不安全的内容已被移除）',
    'notices.targetsRequired': '请选择发布范围（机构或角色）',
    'notices.targetOutOfScope': '发布范围中包含不存在或超出您数据权限的机构或角色',
    'notices.subtreeOutOfScope': '所选机构的下级机构超出您的数据权限，请改为仅发布到该机构',
    'notices.allNeedsBankScope': '发布给全行需要全部数据权限，请选择您权限范围内的机构',
    'notices.roleNeedsBankScope': '按角色发布需要全部数据权限，请选择您权限范围内的机构',
  },
  'en': {
    'notices.notDraft': 'Only a draft notice can be edited or published',
    'notices.notPublished': 'Only a published notice can be revoked',
    'notices.onlyDraftDeleted': 'Only drafts can be deleted; revoke a published notice instead',
    'notices.unknownKind': 'This notice type does not exist or is disabled',
    'notices.unknownSort': 'The list cannot be sorted by this field',
    'notices.contentEmpty': 'The notice has no content (unsafe content was removed)',
    'notices.targetsRequired': 'Choose who receives the notice (organisations or roles)',
    'notices.targetOutOfScope':
      'The audience includes an organisation or role that does not exist or is outside your data scope',
    'notices.subtreeOutOfScope':
      'Organisations under the one you chose are outside your data scope; publish to that organisation only',
    'notices.allNeedsBankScope':
      'Publishing to the whole bank needs the all-data scope; choose organisations within your scope',
    'notices.roleNeedsBankScope':
      'Publishing to roles needs the all-data scope; choose organisations within your scope',
  },
}

export default part
