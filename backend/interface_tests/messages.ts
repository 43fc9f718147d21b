import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of 接口测试. Keys: 'interfaceTest.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'interfaceTest.unknown': '接口不存在',
    'interfaceTest.inbound': '接入接口由对方调用本系统，不能在此测试',
    'interfaceTest.moneyNotLoopback': '资金类接口只能对本机模拟器测试，不能调用真实系统',
  },
  'en': {
    'interfaceTest.unknown': 'No such interface',
    'interfaceTest.inbound':
      'An inbound interface is called by the other system; it cannot be run here',
    'interfaceTest.moneyNotLoopback':
      'A money-changing interface can only be run against the simulator on this machine',
  },
}

export default part
