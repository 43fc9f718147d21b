import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the security controls (uploads, export throttling, lockout notices). */
const part: MessagePart = {
  'zh-CN': {
    'security.tooManyExports': '导出任务发起过于频繁，请稍后再试',
    'security.fileTooLarge': '文件超过大小上限（{max} MB）',
    'security.fileTypeRefused': '文件内容与允许的类型不符（允许：{types}）',
    'security.fileTypeMismatch': '文件内容（{detected}）与扩展名（{ext}）不一致',
    'security.lockNoticeTitle': '账号已被全局锁定：{username}',
    'security.lockNoticeBody':
      '账号 {username} 因来自多个地址的连续登录失败被锁定至 {until}，最近来源 IP：{ip}。',
  },
  'en': {
    'security.tooManyExports': 'Too many export jobs started. Please wait a moment',
    'security.fileTooLarge': 'The file exceeds the size limit ({max} MB)',
    'security.fileTypeRefused': 'The file content is not an allowed type (allowed: {types})',
    'security.fileTypeMismatch':
      'The file content ({detected}) does not match its extension ({ext})',
    'security.lockNoticeTitle': 'Account locked: {username}',
    'security.lockNoticeBody':
      'The account {username} is locked until {until} after failed sign-ins from several addresses; last IP: {ip}.',
  },
}

export default part
