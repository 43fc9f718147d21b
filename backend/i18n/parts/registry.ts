import type { MessagePart } from './index.js'

/* Server texts of the registry area. Keys: 'registry.<name>'. */
const part: MessagePart = { 'zh-CN': {}, 'en': {} }

export default part
