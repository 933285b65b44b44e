import { fail, type Ack } from './envelope';

/** A field's place in a parsed input: keys and array indexes from the top. */
export type FieldPath = (string | number)[];

/**
 * Where a parsed input (JSON body, query, socket payload) holds a NUL character (U+0000) in any
 * text or object key, or null when none does. PostgreSQL stores no NUL in `text` or `jsonb`, so
 * such input is refused at the boundary, naming the field, before anything reads it. The walk
 * is iterative: a deeply nested payload cannot exhaust the stack.
 */
export function findNulField(value: unknown): FieldPath | null {
  // Each entry links to its parent instead of copying its path: the path is built only for the
  // field found, so a payload nested thousands deep costs time in its size, not its size squared.
  interface Place {
    value: unknown;
    key: string | number | null;
    parent: Place | null;
  }
  const pathOf = (place: Place, last?: string): FieldPath => {
    const reversed: FieldPath = last === undefined ? [] : [last];
    for (let at: Place | null = place; at && at.key !== null; at = at.parent) reversed.push(at.key);
    return reversed.reverse();
  };
  const pending: Place[] = [{ value, key: null, parent: null }];
  for (let place = pending.pop(); place; place = pending.pop()) {
    const current = place.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return pathOf(place);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        pending.push({ value: current[i] as unknown, key: i, parent: place });
      }
    } else if (isPlainObject(current)) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return pathOf(place, key);
        pending.push({ value: item, key, parent: place });
      }
    }
  }
  return null;
}

/** `body.answers[2].comment`: a field path as people read it, under `root`. */
export function fieldName(root: string, path: FieldPath): string {
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    root,
  );
}

/** The refusal of an input that holds a NUL character, naming the field; null when it holds none. */
export function nulRefusal(value: unknown, root: string): Ack<never> | null {
  const path = findNulField(value);
  if (!path) return null;
  const field = fieldName(root, path) || '(the whole value)';
  return fail('invalid', `The field ${field} contains a NUL character`, [
    { path: field, message: 'contains a NUL character (U+0000), which is not allowed in text' },
  ]);
}

/**
 * Objects as parsers make them: JSON objects, and query strings' objects (which some parsers
 * build on a prototype-less base). Binary data (a raw body kept as a Buffer) is not text.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !(value instanceof Date)
  );
}
