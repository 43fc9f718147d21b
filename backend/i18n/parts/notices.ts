import type { MessagePart } from './index.js'

/* Server texts of the notices area. Keys: 'notices.<name>'. */
const part: MessagePart = { 'zh-CN': {}, 'en': {} }

export default part
