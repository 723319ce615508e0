import { useCallback, useEffect, useState } from 'react';

/** A page's data: loading, loaded or failed, and a way to fetch it again after a change. */
export function useLoad<T>(
  load: () => Promise<T>,
  dependencies: readonly unknown[],
): { readonly data: T | undefined; readonly error: unknown; readonly reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((before) => ({ data: before.data }));
    load().then(
      (data) => current && setState({ data }),
      (error: unknown) => current && setState({ error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...dependencies, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data: state.data, error: state.error, reload };
}
