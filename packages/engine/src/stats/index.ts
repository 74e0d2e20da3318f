export type { BacktestStatistics, ClosedTrade, StatisticsInput } from "./types.ts";
export { computeStatistics } from "./compute-statistics.ts";
export {
  buildRoundTrips,
  type CloseOpenLots,
  type OpenLot,
  type RoundTripFill,
  type RoundTrips,
} from "./build-round-trips.ts";
export { STATISTIC_LABELS, type StatisticLabel } from "./statistic-labels.ts";
