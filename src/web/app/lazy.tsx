/**
 * Code loaded on demand: each page, and heavy widgets (the rich-text editor, drag and drop), are chunks of
 * their own, so the first page a teacher opens on a school network downloads only what it draws.
 */
import { type ComponentProps, type ComponentType, lazy, Suspense } from 'react';
import { Loading } from '../components/Loading.tsx';
import { loadNamespaces, type PageNamespace } from './i18n.ts';

/** A chunk that could not be loaded: after a deploy, or with the network gone. */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
}

const RELOADED_AT = 'magistere:rechargement-module';
/** A second failure this soon after a reload is not a stale page: the error page shows instead of a loop. */
const RELOAD_WINDOW_MS = 60_000;

/**
 * After a deploy, a page opened before it names chunks the server no longer has: the dynamic import fails.
 * Reloading once fetches the new HTML, which names the new chunks. The promise never settles when the page
 * is reloading, so the loading state stays until it goes.
 */
export function reloadOnce(cause: unknown): Promise<never> {
  const error = new ChunkLoadError(cause instanceof Error ? cause.message : String(cause), { cause });
  try {
    const last = Number(sessionStorage.getItem(RELOADED_AT)) || 0;
    if (Date.now() - last < RELOAD_WINDOW_MS) return Promise.reject(error);
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  } catch {
    // Without session storage a reload could not tell it already happened: no reload, the error page.
    return Promise.reject(error);
  }
  window.location.reload();
  return new Promise<never>(() => {});
}

// biome-ignore lint/suspicious/noExplicitAny: React.lazy accepts any component; props are kept by the caller's type
type AnyComponent = ComponentType<any>;

/** `export function Name` of a module, loaded when first rendered (a page: the router's Suspense waits). */
export function lazyNamed<K extends string, M extends Record<K, AnyComponent>>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(() => load().then((module) => ({ default: module[name] }), reloadOnce));
}

/**
 * A page of the router: its chunk and the namespaces of strings it draws (besides `common`), fetched
 * together; the router's Suspense shows the loading line until both are there.
 */
export function lazyPage<K extends string, M extends Record<K, AnyComponent>>(
  load: () => Promise<M>,
  name: K,
  namespaces: readonly PageNamespace[],
) {
  return lazyNamed(() => Promise.all([load(), loadNamespaces(namespaces)]).then(([module]) => module), name);
}

/** The app's loading line, announced to screen readers. */
function LoadingLine() {
  return <Loading />;
}

/**
 * The same, for a widget inside a page: it waits in its own place (the page around it stays). `fallback`
 * gets the widget's props, to hold its place while it loads; by default the app's loading line.
 */
export function lazyWidget<K extends string, M extends Record<K, AnyComponent>>(
  load: () => Promise<M>,
  name: K,
  fallback: ComponentType<ComponentProps<M[K]>> = LoadingLine,
) {
  const Component = lazyNamed(load, name);
  const Fallback = fallback;
  return function LazyWidget(props: ComponentProps<M[K]>) {
    return (
      <Suspense fallback={<Fallback {...props} />}>
        <Component {...props} />
      </Suspense>
    );
  };
}
