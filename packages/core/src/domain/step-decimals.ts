/**
 * Decimal places a tick or lot step needs (0.001 → 3, 1e-8 → 8, 5 → 0; 15 for one with no short decimal, as 1/3; 0 for
 * no step). Shared by the paper venue, which snaps prices and quantities to its steps, and the engine, which rounds a
 * close to a venue's stated lot step: both must write a step's multiples with the same decimals.
 */
export function stepDecimals(step: number): number {
  if (!(step > 0)) return 0;
  for (let d = 0; d <= 15; d++) {
    const scaled = step * 10 ** d;
    const whole = Math.round(scaled);
    // Relative to the scaled step itself: an absolute 1e-9 took 1e-10 for a whole number at d = 0, and every lot of a
    // step below 1e-9 was rounded to whole units.
    if (whole >= 1 && Math.abs(scaled - whole) < 1e-9 * scaled) return d;
  }
  return 15;
}
