/*
| Every job this process can run, by name: core's own and those enabled plugins
| declare in their manifests (`jobs: [...]`).
*/
import type { JobDefinition, JobHandler } from '#core/plugins/types'

const definitions = new Map<string, JobDefinition>()

export const jobRegistry = {
  register(definition: JobDefinition) {
    if (definitions.has(definition.name))
      throw new Error(`Job "${definition.name}" is registered twice`)
    definitions.set(definition.name, definition)
  },

  has(name: string) {
    return definitions.has(name)
  },

  get(name: string): JobDefinition {
    const definition = definitions.get(name)
    if (!definition) throw new Error(`Unknown job "${name}"`)
    return definition
  },

  async handler(name: string): Promise<JobHandler> {
    return (await this.get(name).handler()).default
  },

  all() {
    return [...definitions.values()]
  },
}
