/** Median of a list of numbers (the list is not modified). */
export declare function median(values: readonly number[]): number;
/** The p-th percentile (0–100) by nearest rank of a list of numbers. */
export declare function percentile(values: readonly number[], p: number): number;
