import { memo, type CSSProperties } from "react";
import { ansiSegments, type AnsiStyle } from "@/lib/ansi/ansi-segments";

function cssOf(s: AnsiStyle): CSSProperties {
  const decorations = [s.underline && "underline", s.strike && "line-through"].filter(Boolean).join(" ");
  return {
    color: s.color,
    background: s.background,
    fontWeight: s.bold ? 600 : undefined,
    fontStyle: s.italic ? "italic" : undefined,
    opacity: s.dim ? 0.7 : undefined,
    textDecoration: decorations || undefined,
  };
}

/** One line of output with its colours, as text runs React escapes. */
export const AnsiText = memo(function AnsiText({ text }: { text: string }) {
  return (
    <>
      {ansiSegments(text).map((seg, i) =>
        seg.style ? (
          <span key={i} style={cssOf(seg.style)}>
            {seg.text}
          </span>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </>
  );
});
