import { AppShell, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticesPanel } from '../features/notices/NoticesPanel';
import { useAppStore } from '../store/store';
import { loadNotifications } from '../sync/notice-reads';
import { signOut } from '../sync/session';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { OutboxProblemsMenu } from './OutboxProblemsMenu';
import { ScreenOutlet } from './ScreenOutlet';
import { screensForRoles } from './screens-for-roles';
import { CommandPalette } from '../features/keyboard/CommandPalette';
import { ShortcutHelp } from '../features/keyboard/ShortcutHelp';
import { ariaShortcut, useShortcuts } from '../features/keyboard/use-shortcuts';

/**
 * The signed-in console: header, navigation by role, the current screen; the command palette
 * (Ctrl/⌘+K) and the keyboard shortcuts list (Ctrl/⌘+/).
 */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const screen = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  const screens = screensForRoles(user?.roles ?? []);
  const current = screen && screens.includes(screen) ? screen : (screens[0] ?? null);
  const [isHelpOpen, help] = useDisclosure(false);
  useShortcuts({ help: help.toggle });

  useEffect(() => {
    if (current && current !== screen) navigate(current);
  }, [current, screen, navigate]);

  // Notices sent while this person was away; new ones arrive as pushed events.
  const userId = user?.id;
  useEffect(() => {
    if (userId) void loadNotifications().catch(() => undefined);
  }, [userId]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={3}>{t('app.name')}</Title>
          <Group gap="md" wrap="nowrap">
            <ConnectionIndicator />
            <OutboxProblemsMenu />
            <LanguageSwitch />
            <Button variant="subtle" size="xs" onClick={help.open} aria-keyshortcuts={ariaShortcut('help')}>
              {t('keyboard.openHelp')}
            </Button>
            <Text size="sm" fw={500} data-testid="user-name">
              {user?.displayName}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('common.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNavigation')}>
        {screens.map((s) => (
          <NavLink
            key={s}
            component="button"
            label={t(`nav.${s}`)}
            active={s === current}
            aria-current={s === current ? 'page' : undefined}
            onClick={() => navigate(s)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Stack>
          <NoticesPanel />
          {current && <ScreenOutlet screen={current} />}
        </Stack>
      </AppShell.Main>
      <CommandPalette onShowHelp={help.open} />
      <ShortcutHelp isOpen={isHelpOpen} onClose={help.close} />
    </AppShell>
  );
}
