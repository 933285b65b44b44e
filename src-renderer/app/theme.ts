import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

// Shade 8: white text on it and its light tints keep WCAG AA contrast (shade 6 does not).
export const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, defaultRadius: 'md' });

/**
 * Text colours Mantine draws lighter than WCAG AA allows on white (4.5:1 for normal text):
 * dimmed text (gray 6 is 3.3:1; gray 7 is 7.5:1) and error text (red 6 is 3.6:1; red 9 is 5.6:1).
 * The accessibility check (tests/e2e/accessibility.spec.ts) fails on either.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    ...lightVariantText(resolved.colors),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/**
 * Text of the light variant (light badges, the current navigation link): Mantine puts shade 9
 * on shade 1, under 4.5:1 for green, yellow, orange and others; darkened by 45% it passes.
 */
function lightVariantText(colors: Record<string, readonly string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(colors).map(([name, shades]) => [
      `--mantine-color-${name}-light-color`,
      darken(shades[9] ?? '#000', 0.45),
    ]),
  );
}
