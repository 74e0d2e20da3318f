/** A fill's identity: its id is only unique within its order (Binance numbers trades per symbol, a paper venue per session). */
export function fillKey(clientOrderId: string, fillId: string): string {
  return `${clientOrderId}\u0000${fillId}`;
}
