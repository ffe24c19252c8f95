/** Median and interquartile range of samples: what every bench reports. */
export function stats(xs: readonly number[]): { median: number; iqr: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
  return { median: q(0.5), iqr: q(0.75) - q(0.25) };
}
