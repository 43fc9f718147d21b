import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'

/** The State Council's 2025 arrangement, as shipped in database/data/holiday-cn. */
export const file2025 = () =>
  readFileSync(app.makePath('database/data/holiday-cn/2025.json'), 'utf8')
