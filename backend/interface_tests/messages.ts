import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of 接口测试. Keys: 'interfaceTest.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'interfaceTest.unknown': '接口不存在',
    'interfaceTest.inbound': '接入接口由对方调用本系统，不能在此测试',
    'interfaceTest.moneyNotLoopback': '资金类接口只能对本机模拟器测试，不能调用真实系统',
    'interfaceTest.noCaller': '没有已开启且获授权调用此接口的接入系统，请先在接入网关中授权',
  },
  'en': {
    'interfaceTest.unknown': 'No such interface',
    'interfaceTest.inbound':
      'An inbound interface is called by the other system; it cannot be run here',
    'interfaceTest.moneyNotLoopback':
      'A money-changing interface can only be run against the simulator on this machine',
    'interfaceTest.noCaller':
      'No open calling system is granted this interface; grant one in the API gateway first',
  },
}

export default part
