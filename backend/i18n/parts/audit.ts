import type { MessagePart } from './index.js'

/* Server texts of the audit area. Keys: 'audit.<name>'. */
const part: MessagePart = { 'zh-CN': {}, 'en': {} }

export default part
