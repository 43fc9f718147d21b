/*
| The committee's sitting through the API, as the meeting specs drive it: the
| secretary prepares and runs it, the chair opens it, members vote.
*/
import type { ApiClient } from '@japa/api-client'
import type { committee } from './committee_helpers.js'

export type People = Awaited<ReturnType<typeof committee>>

export function sitting(client: ApiClient, people: People) {
  const sec = people.secretary.token
  const chair = people.members[0].token
  const api = (path: string) => `/api/committee/meetings${path}`
  return {
    create: (body: object) => client.post(api('')).json(body).bearerToken(sec),
    agenda: (id: number, itemIds: number[]) =>
      client
        .post(api(`/${id}/agenda`))
        .json({ itemIds })
        .bearerToken(sec),
    attendance: (id: number, attendance: object[]) =>
      client
        .put(api(`/${id}/attendance`))
        .json({ attendance })
        .bearerToken(sec),
    allPresent: (id: number) =>
      client
        .put(api(`/${id}/attendance`))
        .json({
          attendance: people.members.map((m) => ({ userId: m.user.id, attendance: 'present' })),
        })
        .bearerToken(sec),
    open: (id: number) => client.post(api(`/${id}/open`)).bearerToken(chair),
    openVoting: (id: number, itemId: number) =>
      client.post(api(`/${id}/items/${itemId}/open-voting`)).bearerToken(sec),
    vote: (id: number, itemId: number, member: number, choice: string, memberId?: number) =>
      client
        .post(api(`/${id}/items/${itemId}/votes`))
        .json(memberId ? { choice, memberId } : { choice })
        .bearerToken(people.members[member].token),
    closeVoting: (id: number, itemId: number) =>
      client.post(api(`/${id}/items/${itemId}/close-voting`)).bearerToken(sec),
    announce: (id: number, itemId: number) =>
      client.post(api(`/${id}/items/${itemId}/announce`)).bearerToken(sec),
    show: (id: number, token = sec) => client.get(api(`/${id}`)).bearerToken(token),
  }
}

/** Votes members 0…n-1 in order, then closes and announces. */
export async function decideItem(
  s: ReturnType<typeof sitting>,
  id: number,
  itemId: number,
  choices: string[]
) {
  ;(await s.openVoting(id, itemId)).assertStatus(200)
  for (const [i, choice] of choices.entries())
    (await s.vote(id, itemId, i, choice)).assertStatus(200)
  ;(await s.closeVoting(id, itemId)).assertStatus(200)
  const announced = await s.announce(id, itemId)
  announced.assertStatus(200)
  return announced.body().agenda.find((a: any) => a.itemId === itemId)
}
