import type { MessagePart } from './index.js'

/* Server texts of the identity area. Keys: 'identity.<name>'. */
const part: MessagePart = { 'zh-CN': {}, 'en': {} }

export default part
