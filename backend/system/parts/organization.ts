import type { ManifestPart } from './part.js'

/* 系统管理 · organization: pages, permissions, dictionaries and settings of this area. */
const part: ManifestPart = { menus: [], dictionaries: [], settings: [] }

export default part
