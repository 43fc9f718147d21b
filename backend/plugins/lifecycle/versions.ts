/*
| Plugin versions: dotted numbers (`1.2.0`), compared number by number, so
| `1.10.0` is newer than `1.9.0`. A missing part counts as 0 (`1.2` = `1.2.0`).
*/
const VERSION = /^\d+(\.\d+)*$/

export const isVersion = (value: string) => VERSION.test(value)

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/** The upgrade step versions to run going from `installed` to `code`, oldest first. */
export function pendingStepVersions(steps: string[], installed: string, code: string): string[] {
  return steps
    .filter((v) => compareVersions(v, installed) > 0 && compareVersions(v, code) <= 0)
    .sort(compareVersions)
}
