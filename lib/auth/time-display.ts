/** How the UI shows a time: the wall clock (relative on hover) or "3 分钟前" (wall clock on hover). */
export const TIME_DISPLAYS = ["exact", "relative"] as const;
export type TimeDisplay = (typeof TIME_DISPLAYS)[number];
