/** A success rate as `87.5%`, or a dash when there was nothing to judge. */
export const percent = (rate: number | null): string => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);
