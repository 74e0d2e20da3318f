/** Folder every benchmark writes its JSON result into. */
export declare const RESULTS_DIR: string;
/** One benchmark's figures: medians and ratios against a baseline measured in the same process. */
export interface BenchResult {
    name: string;
    /** What was measured, in a sentence. */
    description: string;
    /** Named figures, e.g. { ordersPerSecondMedian: 250000, latencyP99Us: 12 }. */
    figures: Record<string, number>;
    /** Ratios against the baseline of the same run, e.g. { engineVsHandLoop: 0.42 }. */
    ratios?: Record<string, number>;
    /** The goal the issue states, for the reader. */
    goal?: string;
}
/** Writes a result to bench/results/<name>.json and prints it; returns the path. */
export declare function writeResult(result: BenchResult): string;
