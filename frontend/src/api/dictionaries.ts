import { http } from './http'
import type { Dictionaries } from './types'

export const fetchDictionaries = () => http.get<Dictionaries>('/dictionaries')
