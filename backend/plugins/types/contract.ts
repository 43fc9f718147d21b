/*
| What a plugin publishes for other plugins (plugin contract v2, docs/plugins.md §
| "Reading another plugin's data"): the modules they may import and the lookups —
| tables with stable columns — their set-based SQL may join. Everything else in a
| plugin folder is private; backend/plugins/tests/unit/plugin_boundaries.spec.ts keeps it so.
*/

/** A table another plugin's SQL may join, with the columns the owner keeps stable. */
export interface LookupDefinition {
  /** Name used in code and docs, e.g. `loans`. */
  name: string
  /** The owner's table. Other plugins never write this name themselves: they use the lookup. */
  table: string
  /** Columns others may read; any other column may change without notice. */
  columns: readonly string[]
  /** Columns the data scope filters on (`applyDataScope`), when the table has its own. */
  scope?: { orgColumn: string; ownerColumn?: string }
  description: string
}

/** Test data a plugin contributes to the shared book (tests/fixtures/). */
export interface TestFixtureContext {
  /** Org ids of the shared book by role. */
  orgs: { head: number; branches: number[]; subBranches: number[] }
  /** User ids by the fixture's user key (e.g. `branchManager`). */
  users: Record<string, number>
}
export type TestFixtureProvider = (ctx: TestFixtureContext) => Promise<Record<string, unknown>>
