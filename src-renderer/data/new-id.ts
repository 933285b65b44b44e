/** A client-made id (command ids, optimistic rows): a random UUID. */
export function newId(): string {
  return crypto.randomUUID();
}
