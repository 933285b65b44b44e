import { Kbd, Modal, Table, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { keysLabel, SHORTCUT_GROUPS, SHORTCUTS } from './shortcuts';
import { ON_MAC } from './use-shortcuts';

/** The keyboard shortcuts, grouped as docs/KEYBOARD.md lists them (opened with Ctrl/⌘+/). */
export function ShortcutHelp({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={isOpen} onClose={onClose} title={t('keyboard.help')} size="lg">
      {SHORTCUT_GROUPS.map((group) => (
        <Fragment key={group}>
          <Title order={3} size="h5" mt="sm" mb={4}>
            {t(`keyboard.groups.${group}`)}
          </Title>
          <Table aria-label={t(`keyboard.groups.${group}`)} withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('keyboard.keys')}</Table.Th>
                <Table.Th>{t('keyboard.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SHORTCUTS.filter((s) => s.group === group).map((shortcut) => (
                <Table.Tr key={shortcut.id}>
                  <Table.Td>
                    {keysLabel(shortcut.id, ON_MAC).map((key, n) => (
                      <Fragment key={key}>
                        {n > 0 && ' + '}
                        <Kbd>{key}</Kbd>
                      </Fragment>
                    ))}
                  </Table.Td>
                  <Table.Td>{t(`keyboard.actions.${shortcut.id}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Fragment>
      ))}
    </Modal>
  );
}
