/*
| Files from the API (exports, PDFs, attachments): fetched with the session
| cookie and the console's headers, then handed to the browser as a blob, so a
| failure shows the server's message instead of a broken file. One place for
| what five API modules used to repeat.
*/
import { ApiError, buildUrl, type Query } from './http'
import { sessionHeaders } from '../areas/identity/session'

/** The file at `path`, or an ApiError carrying the server's (localised) message. */
export async function fetchFile(path: string, query?: Query): Promise<Blob> {
  const response = await fetch(buildUrl(path, query), {
    headers: sessionHeaders(),
    credentials: 'same-origin',
  })
  if (!response.ok) {
    let message = response.statusText
    try {
      message = ((await response.json()) as { message?: string }).message ?? message
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(message, response.status)
  }
  return response.blob()
}

/** Lets the browser save a blob under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export async function downloadFile(path: string, fileName: string, query?: Query): Promise<void> {
  saveBlob(await fetchFile(path, query), fileName)
}

/**
 * A PDF (or any file) either saved under `fileName` or opened in a new tab,
 * where the browser's viewer prints it (查看/打印). The tab is opened in the
 * click's own turn — after an await the browser would block it as a pop-up —
 * and closed again if the server refuses; the error then carries its message.
 */
export async function openFile(
  path: string,
  fileName: string,
  mode: 'download' | 'view',
  query?: Query
): Promise<void> {
  const tab = mode === 'view' ? window.open('', '_blank') : null
  let blob: Blob
  try {
    blob = await fetchFile(path, query)
  } catch (error) {
    tab?.close()
    throw error
  }
  if (!tab) return saveBlob(blob, fileName)
  const url = URL.createObjectURL(blob)
  tab.location.href = url
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
