/**
 * Whether inbound SMTP takes mail for `recipient`: one of the support mailboxes, or any mailbox
 * of a domain listed as `@example.com`. Case-insensitive; anything else is relaying and refused.
 */
export function isSupportAddress(recipient: string, supportAddresses: readonly string[]): boolean {
  const address = recipient.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return false;
  const domain = address.slice(at);
  return supportAddresses.some((entry) => {
    const allowed = entry.trim().toLowerCase();
    return allowed.startsWith('@') ? domain === allowed : address === allowed;
  });
}
