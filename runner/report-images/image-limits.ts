/**
 * How much picture a report holds. A thumbnail is enough for a jury to see that the figure exists and what it
 * shows; the full file stays in the team's repository. The caps keep one report (and a promotion's batch of
 * them) small, and bound the work a hostile file can cause.
 */
export const IMAGE_LIMITS = {
  /** Longest edge of a thumbnail, in pixels (a screenshot of 1280×800 becomes 720×450). */
  thumbnailEdge: 720,
  /** Decoded size refused above this (a 1×1 MB PNG can claim 100 000 × 100 000 pixels). */
  maxPixels: 40_000_000,
  /** Figures and screenshots shown at most, in the order the run made them. */
  maxFigures: 12,
  maxScreenshots: 6,
  /** Thumbnails' total size, base64, in one report; pictures past it are listed as not shown. */
  maxTotalBase64: 4 * 1024 * 1024,
  /** Time given to decode and re-encode one picture. */
  timeoutSeconds: 15,
} as const;
