import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Root } from './Root';

// Shade 8: white text on it and its light tints keep WCAG AA contrast (shade 6 does not).
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, defaultRadius: 'md' });

/** Providers around the console. */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <Root />
    </MantineProvider>
  );
}
