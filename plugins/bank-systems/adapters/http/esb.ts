/*
| The bank's ESB envelope `{ retCode, retMsg, data }`: '0000' is success. A
| 2xx with another code is still a refusal, surfaced as the ConnectorError
| business code already handles. Amounts travel in fen; the contract speaks yuan.
*/
import { call, type CallOptions } from '#core/connectors/http_connector'
import { ConnectorError } from '#core/connectors/connector_error'
import { Money } from '#core/money/money'

export async function esbCall<T>(
  system: string,
  iface: string,
  body?: unknown,
  options?: CallOptions
): Promise<T> {
  const answer = (await call(system, iface, body, options)) as any
  if (!answer || typeof answer !== 'object' || answer.retCode !== '0000')
    throw new ConnectorError(
      'http',
      `${system}.${iface} refused: ${answer?.retCode ?? '?'} ${answer?.retMsg ?? ''}`.trim(),
      system,
      iface,
      200,
      answer
    )
  return answer.data as T
}

/** Fen on the wire ("123456") → yuan in the contract ("1234.56"). */
export const yuan = (fen: string | number) => Money.fromFen(fen).toYuan()
export const yuanOrNull = (fen: string | number | null | undefined) =>
  fen === null || fen === undefined || fen === '' ? null : yuan(fen)
