import Anser from "anser";
import { ANSI_SEQUENCE } from "./strip-ansi";

export type AnsiStyle = { color?: string; background?: string; bold?: boolean; dim?: boolean; italic?: boolean; underline?: boolean; strike?: boolean };
export type AnsiSegment = { text: string; style: AnsiStyle | null };

/** The 16 basic colours, tuned to read on the viewer's near-black background. */
const BASIC: Record<string, string> = {
  black: "#64748b",
  red: "#f87171",
  green: "#4ade80",
  yellow: "#facc15",
  blue: "#60a5fa",
  magenta: "#e879f9",
  cyan: "#22d3ee",
  white: "#e2e8f0",
  "bright-black": "#94a3b8",
  "bright-red": "#fca5a5",
  "bright-green": "#86efac",
  "bright-yellow": "#fde047",
  "bright-blue": "#93c5fd",
  "bright-magenta": "#f0abfc",
  "bright-cyan": "#67e8f9",
  "bright-white": "#f8fafc",
};
const BASIC_ORDER = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];

/** xterm's 256-colour palette: 16 basic, a 6×6×6 cube, 24 greys. */
export function paletteColor(n: number): string {
  if (n < 8) return BASIC[BASIC_ORDER[n]!]!;
  if (n < 16) return BASIC[`bright-${BASIC_ORDER[n - 8]!}`]!;
  if (n >= 232) {
    const g = 8 + (n - 232) * 10;
    return `rgb(${g}, ${g}, ${g})`;
  }
  const i = n - 16;
  const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  return `rgb(${level(Math.floor(i / 36))}, ${level(Math.floor(i / 6) % 6)}, ${level(i % 6)})`;
}

function colorOf(cls: string | null, truecolor: string | null): string | undefined {
  if (!cls) return undefined;
  if (cls === "ansi-truecolor") return truecolor ? `rgb(${truecolor})` : undefined;
  const palette = /^ansi-palette-(\d+)$/.exec(cls);
  if (palette) return paletteColor(Number(palette[1]));
  return BASIC[cls.replace(/^ansi-/, "")];
}

const SGR = /^\x1b\[[0-9;:]*m$/;

/**
 * A line of output as text runs with their colours and decorations. The runs are plain
 * text for React to escape; other escape sequences (cursor moves, titles) are dropped.
 */
export function ansiSegments(line: string): AnsiSegment[] {
  if (!line.includes("\x1b")) return line ? [{ text: line, style: null }] : [];
  const out: AnsiSegment[] = [];
  const sgrOnly = line.replace(ANSI_SEQUENCE, (seq) => (SGR.test(seq) ? seq : ""));
  for (const e of Anser.ansiToJson(sgrOnly, { use_classes: true, remove_empty: true })) {
    if (!e.content) continue;
    const d = e.decorations ?? [];
    // anser applies reverse video itself
    const color = colorOf(e.fg, e.fg_truecolor);
    const background = colorOf(e.bg, e.bg_truecolor);
    const style: AnsiStyle = {};
    if (color) style.color = color;
    if (background) style.background = background;
    if (d.includes("bold")) style.bold = true;
    if (d.includes("dim")) style.dim = true;
    if (d.includes("italic")) style.italic = true;
    if (d.includes("underline")) style.underline = true;
    if (d.includes("strikethrough")) style.strike = true;
    out.push({ text: d.includes("hidden") ? " ".repeat(e.content.length) : e.content, style: Object.keys(style).length ? style : null });
  }
  return out;
}
