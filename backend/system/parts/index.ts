import type { ManifestPart } from './part.js'
import holidays from './holidays.js'
import audit from './audit.js'
import notices from './notices.js'
import identity from './identity.js'

export const parts: ManifestPart[] = [identity, holidays, notices, audit]
