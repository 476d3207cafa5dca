import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

export type Loadable<T> =
  | { state: 'loading'; data: undefined; error: undefined }
  | { state: 'ready'; data: T; error: undefined }
  | { state: 'failed'; data: undefined; error: ApiError };

/**
 * Loads something from the API when the screen opens or its key changes; `reload` fetches again.
 * An answer that arrives after the key changed is dropped, so a fast network switch never
 * shows the previous network's data.
 */
export function useApi<T>(load: () => Promise<T>, key: string): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading', data: undefined, error: undefined });
  const [attempt, setAttempt] = useState(0);
  const loadedKey = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches.
  useEffect(() => {
    let isCurrent = true;
    // A reload keeps what is on screen until the fresh answer arrives; a new key starts blank.
    if (loadedKey.current !== key) setResult({ state: 'loading', data: undefined, error: undefined });
    loadedKey.current = key;
    load().then(
      (data) => {
        if (isCurrent) setResult({ state: 'ready', data, error: undefined });
      },
      (error: unknown) => {
        if (isCurrent) {
          setResult({
            state: 'failed',
            data: undefined,
            error: error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', ''),
          });
        }
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}
