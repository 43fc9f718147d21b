/*
| The REST shape every plugin resource follows (list with paging/sort/keyword, show,
| create, update, delete). Plugin pages pass only the base path to CrudPage.
*/
import { http } from './http'
import type { ListQuery, Paginated } from './types'

export type Row = Record<string, any>

export interface CrudApi<T extends Row = Row> {
  list(query: ListQuery): Promise<Paginated<T>>
  show(id: string | number): Promise<T>
  create(data: Partial<T>): Promise<T>
  update(id: string | number, data: Partial<T>): Promise<T>
  remove(id: string | number): Promise<void>
}

export function createCrudApi<T extends Row = Row>(base: string): CrudApi<T> {
  const root = base.replace(/\/+$/, '')
  const item = (id: string | number) => `${root}/${encodeURIComponent(String(id))}`
  return {
    list: (query) => http.get<Paginated<T>>(root, query),
    show: (id) => http.get<T>(item(id)),
    create: (data) => http.post<T>(root, data),
    update: (id, data) => http.put<T>(item(id), data),
    remove: (id) => http.delete<void>(item(id)),
  }
}
