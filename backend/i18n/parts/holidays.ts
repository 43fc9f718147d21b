import type { MessagePart } from './index.js'

/* Server texts of the holidays area. Keys: 'holidays.<name>'. */
const part: MessagePart = { 'zh-CN': {}, 'en': {} }

export default part
