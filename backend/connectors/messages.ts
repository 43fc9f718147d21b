import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of 服务管理 and 外发消息. Keys: 'connectors.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'connectors.unknownSystem': '外部系统不存在',
    'connectors.unknownInterface': '接口不存在',
    'connectors.notDead': '只有发送失败的消息可以重发',
    'connectors.noBaseUrl': '未配置服务地址',
  },
  'en': {
    'connectors.unknownSystem': 'No such external system',
    'connectors.unknownInterface': 'No such interface',
    'connectors.notDead': 'Only dead messages can be retried',
    'connectors.noBaseUrl': 'No base URL configured',
  },
}

export default part
