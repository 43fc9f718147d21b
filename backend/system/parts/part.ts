import type { CorePart } from '#core/plugins/define_part'

export type { PartMenu } from '#core/plugins/define_part'

/**
 * What one 系统管理 area adds to core's manifest (see backend/plugins/define_part.ts).
 * Parts not yet written with `definePart` carry no `area` name.
 */
export type ManifestPart = Omit<CorePart, 'area'> & { area?: string }
