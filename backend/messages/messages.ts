import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of 消息中心 and 时效提醒. Keys: 'messages.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'messages.notFound': '消息不存在',
    'messages.cannotMute': '该消息类型的此渠道为必发渠道，不能关闭',
    'messages.unknownType': '消息类型不存在',
  },
  'en': {
    'messages.notFound': 'Message not found',
    'messages.cannotMute': 'This channel is mandatory for the message type and cannot be muted',
    'messages.unknownType': 'Unknown message type',
  },
}

export default part
