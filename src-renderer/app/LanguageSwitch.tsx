import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/i18n';

/** EN / ES switch. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = LANGUAGES.find((l) => i18n.language.startsWith(l)) ?? 'en';
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={current}
      onChange={(value) => setLanguage(value as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}
