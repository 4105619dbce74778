import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from './banner';

/** A part's code that could not be loaded (its chunk's request failed). */
class LoadError extends Error {}

/** A component whose code loads on demand, the first time it renders (see LazyPart). */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() =>
    load().then(
      (Part) => ({ default: Part }),
      (error: unknown) => {
        throw new LoadError('a part of the page could not be loaded', { cause: error });
      },
    ),
  );
}

/** A part whose code did not load becomes a plain error in its place; any other error goes on up. */
class LoadErrorBoundary extends Component<{ message: string; className?: string; children: ReactNode }, { failed: unknown }> {
  override state = { failed: null as unknown };
  static getDerivedStateFromError(failed: unknown) {
    return { failed };
  }
  override render() {
    if (this.state.failed === null) return this.props.children;
    if (!(this.state.failed instanceof LoadError)) throw this.state.failed;
    const banner = <Banner tone="error">{this.props.message}</Banner>;
    return this.props.className ? <div className={this.props.className}>{banner}</div> : banner;
  }
}

/**
 * Where a lazy part (lazyPart) renders: `placeholder` while its code loads — the size of what comes,
 * so nothing below it moves — and a plain error if it cannot load. Without a placeholder the page's
 * own loading state waits for it, for parts that must not appear after the rest. `errorClassName`
 * frames the error where the part would have brought its own frame (a whole page).
 */
export function LazyPart({
  placeholder,
  errorClassName,
  children,
}: {
  placeholder?: ReactNode;
  errorClassName?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <LoadErrorBoundary message={t('errors.loadFailed')} className={errorClassName}>
      {placeholder === undefined ? children : <Suspense fallback={placeholder}>{children}</Suspense>}
    </LoadErrorBoundary>
  );
}
