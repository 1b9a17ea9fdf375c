/**
 * The pages a person reaches alone, often from a mail (signing in, a forgotten password, a reset or an
 * unsubscription link): one centred column, and once it is done, a success notice with where to go next.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import type { ReactNode } from 'react';

export function NarrowPage({ children }: { children: ReactNode }) {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">{children}</div>
    </div>
  );
}

/** What was done, right under the page's title, then `children`: the ways on. */
export function DoneNotice({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <>
      <Alert className="fr-mb-3w" severity="success" role="status" as="h2" title={title} description={text} />
      {children}
    </>
  );
}

/**
 * The single-use token of a mailed link. It travels in the fragment (`#jeton=…`) so that it never reaches a
 * server log; once spent, `forgetLinkToken` takes it out of the address bar and the history.
 */
export function readLinkToken(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('jeton');
}

export function forgetLinkToken(): void {
  window.history.replaceState(null, '', window.location.pathname);
}
