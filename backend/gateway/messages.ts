import type { MessagePart } from '#core/i18n/parts/index'

/* Answers of the API gateway to calling systems, and its console texts. Keys: 'gateway.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'gateway.not_found': '接口不存在',
    'gateway.unsigned': '请求未签名或签名头不完整',
    'gateway.unknown_key': '签名无效',
    'gateway.bad_signature': '签名无效',
    'gateway.expired': '时间戳超出允许范围（±5 分钟）',
    'gateway.replayed': '请求随机串已使用，拒绝重放',
    'gateway.closed': '接入系统已关闭',
    'gateway.interface_closed': '接口已关闭',
    'gateway.forbidden': '未授权调用此接口',
    'gateway.rate_limited': '调用过于频繁，请稍后再试',
    'gateway.unknownInterface': '接口不存在',
    'gateway.codeTaken': '系统编码已存在',
    'gateway.noClient': '请选择以哪个接入系统的身份调用',
  },
  'en': {
    'gateway.not_found': 'No such interface',
    'gateway.unsigned': 'The request is not signed, or a signature header is missing',
    'gateway.unknown_key': 'Invalid signature',
    'gateway.bad_signature': 'Invalid signature',
    'gateway.expired': 'Timestamp outside the allowed window (±5 minutes)',
    'gateway.replayed': 'Nonce already used; replay refused',
    'gateway.closed': 'This calling system is closed',
    'gateway.interface_closed': 'This interface is closed',
    'gateway.forbidden': 'Not granted this interface',
    'gateway.rate_limited': 'Too many calls; try again shortly',
    'gateway.unknownInterface': 'No such interface',
    'gateway.codeTaken': 'This system code exists already',
    'gateway.noClient': 'Choose the calling system to call as',
  },
}

export default part
