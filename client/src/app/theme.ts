import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * One visual language: calm blues, status colours with meaning (see statusColor). Text meets WCAG AA contrast (4.5:1,
 * checked by axe in the browser suite): filled colours are shade 8, and each filled component takes black or white
 * text, whichever contrasts more (the threshold is where both are equal); secondary text, placeholders and errors are
 * darker than Mantine's defaults.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // An active link's description is drawn at 90% opacity, below 4.5:1 on its light background.
    NavLink: { styles: { description: { opacity: 1 } } },
  },
});

/** The relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrast = (a: string, b: string) => {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};

/** `text`, darkened just enough to reach 4.5:1 (with a little room) on `background`. */
export function readableOn(text: string, background: string): string {
  let rgb = [1, 3, 5].map((i) => parseInt(text.slice(i, i + 2), 16));
  const hex = () => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  while (contrast(hex(), background) < 4.6 && rgb.some((c) => c > 0)) rgb = rgb.map((c) => c * 0.92);
  return hex();
}

/**
 * Secondary text (`c="dimmed"`), placeholders and error text dark enough to read (Mantine's gray 6 and red 6 are
 * 3.3:1), and every colour's text (`c="orange"`) and light variant (badges, alerts) darkened where its shade 9 on shade 1,
 * or its filled shade on white, falls short of 4.5:1 (orange, yellow, lime, green, teal).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.entries(resolved.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-light-color`, readableOn(shades[9], shades[1])],
        [`--mantine-color-${name}-text`, readableOn(shades[8], '#ffffff')],
      ]),
    ),
  },
  dark: {},
});
