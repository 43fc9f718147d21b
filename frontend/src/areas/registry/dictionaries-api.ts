import { http } from '@/api/http'
import type { Dictionaries } from '@/api/types'

export const fetchDictionaries = () => http.get<Dictionaries>('/dictionaries')
