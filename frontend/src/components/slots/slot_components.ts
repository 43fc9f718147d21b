/*
| A slot entry's component key → an async component, from the same build-time
| registry as pages (router/pages.ts): a plugin ships a slot component by
| dropping a .vue file under its ui/ folder. An unknown key renders nothing
| (the plugin is not built into this console), never a broken screen.
*/
import { defineAsyncComponent, defineComponent, type Component } from 'vue'
import { pageRegistry } from '@/router/pages'

const cache = new Map<string, Component>()
const Nothing = defineComponent({ name: 'MissingSlotComponent', render: () => null })

export function slotComponent(key: string): Component {
  let component = cache.get(key)
  if (!component) {
    const loader = pageRegistry.get(key)
    component = loader ? defineAsyncComponent(loader as () => Promise<Component>) : Nothing
    cache.set(key, component)
  }
  return component
}
