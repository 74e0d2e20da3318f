export { venueIdFits } from "./describe-value.ts";
export { orderProblem, pastQuantity, QUANTITY_SLACK } from "./order-problem.ts";
export { type FillOwner, fillProblem } from "./fill-problem.ts";
export { accountProblem, positionProblem } from "./holding-problems.ts";
export { tradeProblem } from "./trade-problem.ts";
export { tradingEventProblem } from "./trading-event-problem.ts";
