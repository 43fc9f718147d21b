/*
| Delivery's floor for bench case 5 (write_off.mjs): `total` postings straight to
| the simulated core banking over HTTP, 16 requests in flight, without the outbox
| (no claim, no call log, no ack written) — one request each (`size` 1, path
| `/postings`) or `size` to a 批量记账 request (`/postings/batch`). Seconds.
*/
const posting = { loanNo: 'WOB', accountNo: '1', amount: '1.00', direction: 'credit' }

export async function deliveryFloor(simPort, tag, total, size, path) {
  const started = process.hrtime.bigint()
  let next = 0
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < total) {
        const first = next
        next = Math.min(total, next + size)
        const keys = Array.from(
          { length: next - first },
          (_, i) => `bench-raw:${tag}:${path}:${first + i}`
        )
        const res = await fetch(`http://127.0.0.1:${simPort}/core-banking${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': keys[0] },
          body: JSON.stringify(
            size === 1
              ? posting
              : { items: keys.map((idempotencyKey) => ({ idempotencyKey, body: posting })) }
          ),
        })
        await res.arrayBuffer()
      }
    })
  )
  return Number(process.hrtime.bigint() - started) / 1e9
}
