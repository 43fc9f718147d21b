/*
| The package a page works on, from ?package= (the links of 我的审批, the
| ledger and the project land here), or picked under a project.
*/
import { ref, watch } from 'vue'
import { batchApi, type Package, type PackageDetail } from './api'
import { useQueryId } from './use_query_id'

export function usePackage() {
  const packageId = useQueryId('package')
  const projectId = ref<number | null>(null)
  const packages = ref<Package[]>([])
  const pkg = ref<PackageDetail | null>(null)
  async function reload() {
    pkg.value = packageId.value ? await batchApi.package(packageId.value) : null
    if (pkg.value) projectId.value = pkg.value.projectId
  }
  watch(packageId, reload, { immediate: true })
  watch(projectId, async (id) => {
    packages.value = id ? (await batchApi.packages(id)).data : []
  })
  return { packageId, projectId, packages, pkg, reload }
}
