/** Account figures in the account currency; equity = balance + marked value of positions. */
export interface Account {
  currency: string;
  /** Cash. */
  balance: number;
  equity: number;
  buyingPower: number;
  realizedPnl: number;
  unrealizedPnl: number;
  totalFees: number;
  marginUsed: number;
  updatedAt: number;
}
