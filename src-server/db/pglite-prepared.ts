import { parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';

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
        const [result] = parse.parseResults(messages, pglite.parsers, options);
        if (!result) throw new Error(`no result from: ${text.slice(0, 80)}`);
        return result as Results<T>;
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
