/**
 * Waits for something a test starts (the api, the identity provider, a browser) at most `ms`.
 * A start that hangs then fails the hook with its own name instead of jest's bare hook timeout,
 * and whatever the start still brings up later is shut again, so it keeps no handle open that
 * would stop jest from exiting.
 */
export async function readyWithin<T>(what: string, ms: number, starting: Promise<T>, shut: (started: T) => Promise<unknown>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} was not ready within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([starting, late]);
  } catch (error) {
    starting.then(shut, () => undefined).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
