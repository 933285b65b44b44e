import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

/** A run the test finishes by hand, so the order of events is the test's, not the clock's. */
function manualWork<T>() {
  const pending: { resolve(value: T): void; reject(err: Error): void }[] = [];
  let started = 0;
  const work = () => {
    started += 1;
    return new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return {
    work,
    started: () => started,
    finishNext: async (value: T) => {
      pending.shift()?.resolve(value);
      await flush();
    },
    failNext: async (err: Error) => {
      pending.shift()?.reject(err);
      await flush();
    },
  };
}

/** Lets the promise callbacks a settled run queued run (a few microtask turns; no clock). */
async function flush(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
}

describe('singleFlight', () => {
  it('runs once when nobody asks again', async () => {
    const runs = manualWork<string>();
    const flight = singleFlight(runs.work);
    const result = flight.run();
    await runs.finishNext('a');
    await expect(result).resolves.toBe('a');
    expect(runs.started()).toBe(1);
  });

  it('folds any number of calls during a run into one more run, and answers them all with its end', async () => {
    const runs = manualWork<string>();
    const flight = singleFlight(runs.work);
    const first = flight.run();
    const second = flight.run();
    const third = flight.run();
    expect(runs.started()).toBe(1);
    await runs.finishNext('first');
    expect(runs.started()).toBe(2);
    await runs.finishNext('again');
    expect(runs.started()).toBe(2);
    for (const call of [first, second, third]) await expect(call).resolves.toBe('again');
  });

  it('combines the results of the runs when told how', async () => {
    const runs = manualWork<number>();
    const flight = singleFlight(runs.work, { combine: (a, b) => a + b });
    const result = flight.run();
    void flight.run();
    await runs.finishNext(3);
    await runs.finishNext(4);
    await expect(result).resolves.toBe(7);
  });

  it('skips the repeated run when shouldRepeat says no', async () => {
    const runs = manualWork<string>();
    let isStopped = false;
    const flight = singleFlight(runs.work, { shouldRepeat: () => !isStopped });
    const result = flight.run();
    void flight.run();
    isStopped = true;
    await runs.finishNext('only');
    await expect(result).resolves.toBe('only');
    expect(runs.started()).toBe(1);
  });

  it('starts a new flight after the last one ended', async () => {
    const runs = manualWork<string>();
    const flight = singleFlight(runs.work);
    const first = flight.run();
    await runs.finishNext('one');
    await first;
    const second = flight.run();
    expect(runs.started()).toBe(2);
    await runs.finishNext('two');
    await expect(second).resolves.toBe('two');
  });

  it('rejects with a failed run’s error, forgets the asked-for run, and lets a later call start afresh', async () => {
    const runs = manualWork<string>();
    const flight = singleFlight(runs.work);
    const failed = flight.run();
    void flight.run().catch(() => undefined);
    const caught = expect(failed).rejects.toThrow('relay down');
    await runs.failNext(new Error('relay down'));
    await caught;
    expect(runs.started()).toBe(1);
    const next = flight.run();
    await runs.finishNext('fine');
    await expect(next).resolves.toBe('fine');
  });

  it('idle waits for the run under way and never rejects', async () => {
    const runs = manualWork<string>();
    const flight = singleFlight(runs.work);
    await expect(flight.idle()).resolves.toBeUndefined();
    void flight.run().catch(() => undefined);
    let isIdle = false;
    const idle = flight.idle().then(() => (isIdle = true));
    await flush();
    expect(isIdle).toBe(false);
    await runs.failNext(new Error('boom'));
    await idle;
    expect(isIdle).toBe(true);
  });
});
