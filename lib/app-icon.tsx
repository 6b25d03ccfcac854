// Drill's app icon as a PNG at any size (the manifest's 192 and 512 px icons, the Apple touch icon):
// the same "D" on the accent colour as app/icon.svg, drawn by Next's ImageResponse at build time.
import { ImageResponse } from "next/og";

export function appIcon(size: number): ImageResponse {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#3b5bdb",
        color: "#ffffff",
        fontSize: size * 0.6,
        fontWeight: 700,
      }}
    >
      D
    </div>,
    { width: size, height: size },
  );
}
