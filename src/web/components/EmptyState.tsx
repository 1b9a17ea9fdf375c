import type { ReactNode } from 'react';

/** What is missing, and what to do next. */
export function EmptyState({
  message,
  next,
  children,
}: {
  message: string;
  next?: string;
  children?: ReactNode;
}) {
  return (
    <div className="fr-callout fr-my-2w">
      <p className="fr-callout__text fr-text--md">{message}</p>
      {next ? <p className="fr-text--sm fr-mb-0 fr-mt-1w">{next}</p> : null}
      {children}
    </div>
  );
}
