import type { MessagePart } from './index.js'

/* Server texts of the organization area. Keys: 'organization.<name>'. */
const part: MessagePart = { 'zh-CN': {}, 'en': {} }

export default part
