import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of 目录同步. Keys: 'directorySync.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'directorySync.unavailable': '无法读取授权及流程管理的组织机构目录',
    'directorySync.notApplicable': '该次同步已应用或已失效',
    'directorySync.stale': '目录或本系统数据已变化，已重新计算差异，请再次确认',
  },
  'en': {
    'directorySync.unavailable':
      'The directory of the authorisation & workflow system cannot be read',
    'directorySync.notApplicable': 'This run was applied already or is no longer valid',
    'directorySync.stale':
      'The directory or our data changed; the differences were computed again, please review them',
  },
}

export default part
