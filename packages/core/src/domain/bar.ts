/** A closed OHLCV candle; `openTime` is epoch milliseconds and `interval` a string such as "1m" or "1d". */
export interface Bar {
  symbol: string;
  interval: string;
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}
