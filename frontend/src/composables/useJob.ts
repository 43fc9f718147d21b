/*
| Follows a background job (批量导入, 日终批处理, …) by polling /api/jobs/:id until it
| completes or fails. Polling stops when the component using it unmounts.
*/
import {
  computed,
  getCurrentScope,
  onScopeDispose,
  ref,
  toValue,
  watch,
  type MaybeRefOrGetter,
} from 'vue'
import { fetchJob } from '@/areas/jobs/api'
import type { JobInfo } from '@/api/types'

export const JOB_POLL_MS = 1500

export function isJobFinished(job: Pick<JobInfo, 'status'> | null | undefined): boolean {
  return job?.status === 'completed' || job?.status === 'failed'
}

export function useJob(
  id: MaybeRefOrGetter<string | number | null | undefined>,
  options: { interval?: number } = {}
) {
  const job = ref<JobInfo | null>(null)
  const error = ref<unknown>(null)
  const finished = computed(() => isJobFinished(job.value))
  let timer: ReturnType<typeof setTimeout> | undefined
  let controller: AbortController | undefined
  let generation = 0

  function stop() {
    generation++
    clearTimeout(timer)
    controller?.abort()
  }

  async function poll(run: number) {
    const current = toValue(id)
    if (current === null || current === undefined || current === '') return
    controller = new AbortController()
    try {
      const next = await fetchJob(current, controller.signal)
      if (run !== generation) return
      job.value = next
      error.value = null
    } catch (cause) {
      if (run !== generation) return
      error.value = cause
      // The client already reported it; keep trying unless the job itself is gone.
      if ((cause as { status?: number }).status === 404) return
    }
    if (!isJobFinished(job.value))
      timer = setTimeout(() => poll(run), options.interval ?? JOB_POLL_MS)
  }

  function start() {
    stop()
    job.value = null
    poll(generation)
  }

  watch(() => toValue(id), start, { immediate: true })
  if (getCurrentScope()) onScopeDispose(stop)

  return { job, error, finished, refresh: start, stop }
}
