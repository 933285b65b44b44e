import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentifyContactPayload } from '../../../src-shared/protocol/caller-identity';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { newId } from '../../data/new-id';

interface Props {
  contact: Contact;
  pending: boolean;
  onCreate(choice: Omit<IdentifyContactPayload, 'contactId'>, name: string): Promise<boolean>;
}

/**
 * A new customer for a caller nobody has on file, the number or address they came from filled
 * in. The server refuses a duplicate (same email, or same name and number) and says whom to pick.
 */
export function QuickCreateForm({ contact, pending, onCreate }: Props) {
  const { t } = useTranslation();
  const isAddress = contact.from.includes('@');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState(isAddress ? '' : contact.from);
  const [email, setEmail] = useState(isAddress ? contact.from : '');
  const [company, setCompany] = useState('');
  const [language, setLanguage] = useState(contact.language);
  // One id per form: pressing Create twice (or a retry) cannot make two customers.
  const [customerId, setCustomerId] = useState(newId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const newCustomer = { customerId, name, phone, email, company, language };
    if (await onCreate({ newCustomer }, name)) setCustomerId(newId());
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('popCaller.quickCreateTitle')}>
      <Stack gap="xs">
        <TextInput
          label={t('popCaller.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Group grow>
          <TextInput
            label={t('popCaller.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
          <TextInput
            label={t('popCaller.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
        </Group>
        <Group grow>
          <TextInput
            label={t('popCaller.company')}
            description={t('popCaller.companyHint')}
            required
            value={company}
            onChange={(e) => setCompany(e.currentTarget.value)}
          />
          <TextInput
            label={t('popCaller.language')}
            maxLength={2}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value.toLowerCase())}
          />
        </Group>
        <Button type="submit" loading={pending} w="fit-content">
          {t('popCaller.create')}
        </Button>
      </Stack>
    </form>
  );
}
