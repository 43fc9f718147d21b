import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of sensitive fields (backend/security/sensitive). */
const part: MessagePart = {
  'zh-CN': {
    'sensitive.unavailable': '敏感信息暂无法解密（数据密钥不匹配），请联系运维管理员',
  },
  'en': {
    'sensitive.unavailable':
      'The sensitive value cannot be decrypted (data key mismatch). Please contact operations',
  },
}

export default part
