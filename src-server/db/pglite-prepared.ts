import {
  parse,
  protocol,
  type messages,
  type PGlite,
  type QueryOptions,
  type Results,
} from '@electric-sql/pglite';

const { serialize } = protocol;

/** The part of a PGlite transaction Drizzle and `runRaw` use. */
export interface PgliteQueries {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

export interface PreparedPgliteClient extends PgliteQueries {
  transaction<T>(work: (tx: PgliteQueries) => Promise<T>): Promise<T>;
}

interface Prepared {
  name: string;
  /** The parameters' type oids, as PostgreSQL inferred them: how each value is serialised. */
  paramTypes: number[];
}

/** Statements kept prepared; the least recently used is closed past this. */
const MAX_PREPARED = 500;

/**
 * PGlite for Drizzle, with every statement run as a named prepared statement, parsed and planned
 * once per text. `PGlite.query` parses each statement anew and makes six calls into PostgreSQL
 * (parse, describe, bind, describe, execute, sync); here a statement seen before is one call
 * (bind, describe, execute, sync), about half the time of the whole (measured in
 * docs/BENCHMARKS.md). Values are serialised and rows parsed exactly as `PGlite.query` does, with
 * the same serialisers and parsers, so Drizzle sees the same results. One PGlite is one session:
 * its statements live as long as it does.
 */
export function preparedPglite(pglite: PGlite): PreparedPgliteClient {
  const prepared = new Map<string, Prepared>();
  let counter = 0;

  const call = async (parts: Uint8Array[]) => pglite.execProtocolStream(concat(parts), { syncToFs: false });

  async function prepare(text: string, options: QueryOptions | undefined): Promise<Prepared> {
    const known = prepared.get(text);
    if (known) {
      // Map order is the eviction order: a statement in use moves to the back.
      prepared.delete(text);
      prepared.set(text, known);
      return known;
    }
    const name = `agentdeck_${++counter}`;
    const described = await call([
      serialize.parse({ name, text, types: options?.paramTypes }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    ]);
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(described) };
    prepared.set(text, statement);
    if (prepared.size > MAX_PREPARED) {
      const [oldestText, oldest] = prepared.entries().next().value as [string, Prepared];
      prepared.delete(oldestText);
      await call([serialize.close({ type: 'S', name: oldest.name }), serialize.sync()]);
    }
    return statement;
  }

  async function run<T>(text: string, params: unknown[], options: QueryOptions | undefined) {
    return pglite._runExclusiveQuery(async () => {
      try {
        const statement = await prepare(text, options);
        const values = params.map((value, i) => {
          if (value === null || value === undefined) return null;
          const type = statement.paramTypes[i] ?? 0;
          const serializer = options?.serializers?.[type] ?? pglite.serializers[type];
          return serializer ? serializer(value) : String(value as string);
        });
        const messages = await call([
          serialize.bind({ statement: statement.name, values }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
          serialize.sync(),
        ]);
        return resultOf<T>(messages, pglite.parsers, options);
      } catch (err) {
        // What PGlite.query adds to its errors: which statement failed, with what.
        if (err instanceof Error) Object.assign(err, { query: text, params });
        throw err;
      }
    });
  }

  return {
    async query<T>(text: string, params: unknown[] = [], options?: QueryOptions) {
      return pglite._runExclusiveTransaction(async () => {
        const result = await run<T>(text, params, options);
        await pglite.syncToFs();
        return result;
      });
    },
    transaction<T>(work: (tx: PgliteQueries) => Promise<T>) {
      return pglite.transaction((tx) =>
        work({
          query: <R>(text: string, params: unknown[] = [], options?: QueryOptions) => {
            if (tx.closed) throw new Error('Transaction is closed');
            return run<R>(text, params, options);
          },
        }),
      );
    },
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

type Parser = (value: string, type: number) => unknown;

/**
 * The rows of one statement's answer, as `parse.parseResults` makes them. That one merges the
 * caller's parsers into a copy of every default parser on each call (Drizzle passes its own on
 * every query), which cost more than the rows; here each column looks its parser up once.
 */
function resultOf<T>(
  answer: messages.BackendMessage[],
  defaults: Record<number | string, Parser>,
  options: QueryOptions | undefined,
): Results<T> {
  const custom = options?.parsers as Record<number | string, Parser> | undefined;
  const asArrays = options?.rowMode === 'array';
  let fields: { name: string; dataTypeID: number }[] = [];
  let parsers: (Parser | undefined)[] = [];
  const rows: unknown[] = [];
  let affectedRows = 0;
  for (const message of answer) {
    if (message.name === 'rowDescription') {
      const { fields: described } = message as messages.RowDescriptionMessage;
      fields = described.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID }));
      parsers = fields.map((field) => custom?.[field.dataTypeID] ?? defaults[field.dataTypeID]);
    } else if (message.name === 'dataRow') {
      const values = (message as messages.DataRowMessage).fields.map((value, i) => {
        const parser = parsers[i];
        return value === null || !parser ? value : parser(value, fields[i]?.dataTypeID ?? 0);
      });
      if (asArrays) rows.push(values);
      else {
        const row: Record<string, unknown> = {};
        fields.forEach((field, i) => (row[field.name] = values[i]));
        rows.push(row);
      }
    } else if (message.name === 'commandComplete') {
      const words = (message as messages.CommandCompleteMessage).text.split(' ');
      const count = Number.parseInt(words[words.length - 1] ?? '', 10);
      if (['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(words[0] ?? '')) affectedRows += count;
    }
  }
  return { rows: rows as T[], fields, affectedRows };
}
