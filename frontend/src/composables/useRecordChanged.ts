/*
| 记录已变更 (record changed): one part of a screen tells the others that a
| record changed on the server, so they refresh it in place instead of waiting
| for a page reload — e.g. monitoring's 客户中心 comparison, a slot panel inside
| 客户视图, renames the customer and the portrait's header follows at once.
| Kinds are plain strings (`customer`) so core names no business; the id says
| which record. A listener registered in a component is dropped when it unmounts.
*/
import { getCurrentInstance, onBeforeUnmount } from 'vue'

type Listener = (id: number) => void
const listeners = new Map<string, Set<Listener>>()

/** Tells every listener of `kind` that record `id` changed. */
export function recordChanged(kind: string, id: number) {
  for (const listener of [...(listeners.get(kind) ?? [])]) listener(id)
}

/** Calls `listener` when a record of `kind` changes; returns the function that stops it. */
export function onRecordChanged(kind: string, listener: Listener) {
  let set = listeners.get(kind)
  if (!set) listeners.set(kind, (set = new Set()))
  set.add(listener)
  const off = () => {
    set.delete(listener)
    if (!set.size) listeners.delete(kind)
  }
  if (getCurrentInstance()) onBeforeUnmount(off)
  return off
}
