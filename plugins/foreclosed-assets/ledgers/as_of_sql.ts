/*
| SQL pieces the ledgers share. Every ledger row joins `asof` (one row: the
| as-of date, or the business date when live), so "status on D", "idle days on
| D" and "income by D" are one expression each. Day counts differ by dialect
| (MySQL DATEDIFF, SQLite julianday): the embedded mode and MariaDB give the
| same numbers.
*/
import env from '#start/env'

const sqlite = env.get('DB_CONNECTION', 'sqlite') === 'sqlite'

/** Days from `from` to `to` (DATE expressions). */
export const daysBetween = (from: string, to: string) =>
  sqlite ? `CAST(julianday(${to}) - julianday(${from}) AS INTEGER)` : `DATEDIFF(${to}, ${from})`

/** The CROSS JOIN giving `asof.d`; bind [asOf] (null = the business date). */
export const AS_OF_JOIN =
  'CROSS JOIN (SELECT COALESCE(?, (SELECT business_date FROM business_day WHERE id = 1)) AS d) asof'

const LEASE_END = 'COALESCE(ls.ended_on, ls.end_on)'

/** A lease of the asset running on asof.d. */
export const LEASED_ON = `EXISTS (SELECT 1 FROM foreclosed_assets_leases ls WHERE ls.asset_id = a.id AND ls.start_on <= asof.d AND ${LEASE_END} >= asof.d)`

/** A disposal application open on asof.d (applied, not yet completed or decided by then). */
const DISPOSING_ON = `EXISTS (SELECT 1 FROM foreclosed_assets_disposals dp WHERE dp.asset_id = a.id AND dp.applied_on <= asof.d AND (dp.status IN ('applied', 'committee') OR (dp.status = 'completed' AND dp.completed_on > asof.d)))`

export const DISPOSED_BY = 'a.disposed_on IS NOT NULL AND a.disposed_on <= asof.d'

/** The asset's status on asof.d. */
export const STATUS_ON = `CASE WHEN ${DISPOSED_BY} THEN a.status WHEN ${LEASED_ON} THEN 'leased' WHEN ${DISPOSING_ON} THEN 'disposing' ELSE 'held' END`

/** Idle since: the end of the last lease before asof.d, else the acquisition. */
export const IDLE_SINCE = `COALESCE((SELECT MAX(${LEASE_END}) FROM foreclosed_assets_leases ls WHERE ls.asset_id = a.id AND ls.start_on <= asof.d AND ${LEASE_END} < asof.d), a.acquired_on)`

export const sumEntries = (direction: string, kind?: string) =>
  `COALESCE((SELECT SUM(en.amount_fen) FROM foreclosed_assets_entries en WHERE en.asset_id = a.id AND en.direction = '${direction}'${kind ? ` AND en.kind = '${kind}'` : ''} AND en.entry_date <= asof.d), 0)`
