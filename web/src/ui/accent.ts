/**
 * The brand colour as one accent (the key portal's, set by the platform): every `brand-*` utility
 * (buttons, links, focus rings, the selected nav entry) reads the `--color-brand-*` variables of
 * styles.css' theme, so setting those on the root element re-colours the whole app, dialogs too.
 * The shades are mixed from the accent; the two that carry white text or sit as text on white
 * (600 and 700) are darkened until they keep WCAG AA contrast (4.5:1), whatever colour was chosen.
 *
 * @example applyAccentColor("#0f766e") // teal buttons, links and focus rings
 */

type Rgb = readonly [number, number, number];

const SHADES = ["50", "100", "500", "600", "700"] as const;
export type Shade = (typeof SHADES)[number];

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const AA_CONTRAST = 4.5;

function parseHex(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  return [
    Number.parseInt(match[1] ?? "", 16),
    Number.parseInt(match[2] ?? "", 16),
    Number.parseInt(match[3] ?? "", 16),
  ];
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

/** `amount` of `other` mixed into `colour` (0: colour, 1: other). */
const mix = (colour: Rgb, other: Rgb, amount: number): Rgb =>
  colour.map((c, i) => c + ((other[i] ?? c) - c) * amount) as unknown as Rgb;

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of a colour against white (1 to 21). */
export function contrastWithWhite(hex: string): number {
  const rgb = parseHex(hex);
  if (!rgb) return 1;
  return 1.05 / (luminance(rgb) + 0.05);
}

/** The colour, darkened in small steps from `start` until white on it (or it on white) reads at AA. */
function readable(colour: Rgb, start: number): Rgb {
  for (let amount = start; amount < 1; amount += 0.05) {
    const shade = mix(colour, BLACK, amount);
    if (1.05 / (luminance(shade) + 0.05) >= AA_CONTRAST) return shade;
  }
  return BLACK;
}

/** The five brand shades for an accent `#rrggbb`, or null when it is not one. */
export function accentPalette(accent: string): Record<Shade, string> | null {
  const rgb = parseHex(accent);
  if (!rgb) return null;
  const base = readable(rgb, 0);
  return {
    "50": toHex(mix(rgb, WHITE, 0.93)),
    "100": toHex(mix(rgb, WHITE, 0.85)),
    "500": toHex(mix(rgb, WHITE, 0.15)),
    "600": toHex(base),
    // The hover shade and link text: always a step darker than the buttons.
    "700": toHex(mix(base, BLACK, 0.15)),
  };
}

/** Re-colours the app with the accent; null (or a malformed colour) puts the theme's own back. */
export function applyAccentColor(accent: string | null, root: HTMLElement = document.documentElement): void {
  const palette = accent ? accentPalette(accent) : null;
  for (const shade of SHADES) {
    if (palette) root.style.setProperty(`--color-brand-${shade}`, palette[shade]);
    else root.style.removeProperty(`--color-brand-${shade}`);
  }
}
