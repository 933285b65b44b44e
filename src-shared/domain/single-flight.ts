/**
 * "One run at a time, run again if asked": the shape of every loop that catches up with work
 * others keep adding (routing passes, the console's catch-up and outbox drain, outbound jobs, the
 * KPI fold). A call while a run is under way does not start a second one; it asks for one more
 * run right after the current one, however many calls arrive meanwhile — that last run sees
 * everything the callers committed before they called.
 */
export interface SingleFlight<T> {
  /**
   * Starts a run, or asks the run under way for one more after it. Resolves when no run is left
   * to do (with the runs' combined result); rejects with the first failed run's error, which
   * ends the flight (a later call starts a new one).
   */
  run(): Promise<T>;
  /** Resolves once no run is under way; never rejects. For stopping. */
  idle(): Promise<void>;
}

export interface SingleFlightOptions<T> {
  /** Folds the result of a repeated run into the earlier ones; the last run's result by default. */
  combine?: (earlier: T, latest: T) => T;
  /** Asked before each repeated run: false skips it (e.g. the owner was stopped meanwhile). */
  shouldRepeat?: () => boolean;
}

export function singleFlight<T>(
  work: () => Promise<T>,
  options: SingleFlightOptions<T> = {},
): SingleFlight<T> {
  let flight: Promise<T> | null = null;
  let isAskedAgain = false;

  async function fly(): Promise<T> {
    try {
      isAskedAgain = false;
      let result: T = await work();
      while (isAskedAgain && (options.shouldRepeat?.() ?? true)) {
        isAskedAgain = false;
        const latest: T = await work();
        result = options.combine ? options.combine(result, latest) : latest;
      }
      return result;
    } finally {
      isAskedAgain = false;
      flight = null;
    }
  }

  return {
    run() {
      if (flight) {
        isAskedAgain = true;
        return flight;
      }
      flight = fly();
      return flight;
    },
    async idle() {
      await flight?.catch(() => undefined);
    },
  };
}
