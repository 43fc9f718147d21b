/** What a channel did with one delivery. A thrown error means "failed, try again". */
export type ChannelOutcome =
  { status: 'sent'; detail?: string } | { status: 'skipped'; detail: string }

export interface DeliveryContext {
  deliveryId: number
  message: {
    id: number
    type: string
    typeName: string
    title: string
    body: string | null
    link: string | null
    data: Record<string, unknown> | null
    createdAt: string
  }
  recipient: { id: number; name: string; email: string | null; phone: string | null }
}
