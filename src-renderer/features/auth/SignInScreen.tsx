import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useAppStore } from '../../store/store';
import { signIn, signInProblemOf, storedServerUrl, type SignInProblem } from '../../sync/session';
import { defaultServerUrl } from './default-server-url';

/** Server, username and password; clear errors; why the last session ended, if it ended by itself. */
export function SignInScreen() {
  const { t } = useTranslation();
  const signOutReason = useAppStore((s) => s.signOutReason);
  const [serverUrl, setServerUrl] = useState(() => defaultServerUrl(window.location, storedServerUrl()));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(serverUrl, username, password);
    } catch (err) {
      setProblem(signInProblemOf(err));
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={2}>{t('app.name')}</Title>
              <LanguageSwitch />
            </Group>
            <Text c="dimmed">{t('auth.title')}</Text>
            {signOutReason && !problem && (
              <Alert color="orange" role="alert" data-testid="sign-out-reason">
                {t(`auth.ended.${signOutReason === 'refresh_failed' ? 'expired' : signOutReason}`)}
              </Alert>
            )}
            {problem && (
              <Alert color="red" role="alert">
                {t(`auth.errors.${problem}`)}
              </Alert>
            )}
            <TextInput
              label={t('auth.server')}
              value={serverUrl}
              onChange={(e) => setServerUrl(e.currentTarget.value)}
            />
            <TextInput
              label={t('auth.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              autoFocus
            />
            <PasswordInput
              label={t('auth.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
            />
            <Button type="submit" loading={busy} disabled={!username.trim() || !password}>
              {t('auth.signIn')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('auth.demoHint')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
