/** Benches print their figures last, one JSON line per figure. */
export function report(bench: string, metric: string, value: number): void {
  console.log(JSON.stringify({ bench, metric, value: Math.round(value * 100) / 100 }));
}
