import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

export interface Sample {
  name: string;
  /** Milliseconds, one per operation. */
  values: number[];
}

export interface BenchRow {
  bench: string;
  metric: string;
  p50: number;
  p99: number;
  /** p50 divided by the floor's p50 in the same run. */
  ratio: number | null;
  extra?: string;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** A one-line progress bar on stderr: `label [#####.....] 50/100`. */
export function progress(label: string, total: number): { tick(n?: number): void; done(): void } {
  let done = 0;
  // Redrawing in place only makes sense on a terminal; a log file gets the first and last line.
  const isTerminal = process.stderr.isTTY === true;
  const draw = () => {
    if (!isTerminal && done !== 0 && done !== total) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}   `;
    process.stderr.write(isTerminal ? `\r${line}` : `${line}\n`);
  };
  draw();
  return {
    tick(n = 1) {
      done += n;
      if (done === total || done % Math.max(1, Math.floor(total / 50)) === 0) draw();
    },
    done() {
      done = total;
      draw();
      if (isTerminal) process.stderr.write('\n');
    },
  };
}

/** Runs `task` for every item with at most `concurrency` at once. */
export async function pool<T, R>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!);
      }
    }),
  );
  return results;
}

export const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
};

const fmt = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(2));

export function toMarkdown(rows: BenchRow[]): string {
  const lines = [
    '| bench | metric | p50 ms | p99 ms | p50 ÷ floor p50 | notes |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.bench} | ${r.metric} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.ratio === null ? '–' : `${fmt(r.ratio)}×`} | ${r.extra ?? ''} |`,
    );
  }
  return lines.join('\n');
}

const BEGIN = '<!-- bench:latest:begin -->';
const END = '<!-- bench:latest:end -->';

/** Replaces the latest-results block of docs/BENCHMARKS.md (the rest of the file is written by people). */
export function recordResults(markdown: string, command: string): string {
  const path = resolve(import.meta.dirname, '..', 'docs', 'BENCHMARKS.md');
  const block = `${BEGIN}\nLatest run: ${new Date().toISOString()} — \`${command}\` — Node ${process.version}, ${osLine()}\n\n${markdown}\n${END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const next = current.includes(BEGIN)
    ? current.replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}`), block)
    : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
  return path;
}

function osLine(): string {
  return `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

/**
 * A worker thread running a TypeScript module: tsx's loader is registered in the worker first
 * (a worker does not inherit the loader tsx gave the bench's own thread).
 */
export function startTypeScriptWorker(file: URL, workerData: unknown): Worker {
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
