import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';

export type Crumb = { label: string; to: string };

/** Breadcrumb (on inner pages), the page's one h1, and the document title. */
export function PageHeading({
  title,
  crumbs,
  children,
}: {
  title: string;
  /** Ancestors of this page, without the home page; omit for top-level pages. */
  crumbs?: Crumb[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <>
      {crumbs ? (
        <Breadcrumb
          className="fr-mt-0 fr-mb-3w"
          currentPageLabel={title}
          // The root is named as in the menu ("Mon espace"), not with the DSFR's default "Accueil".
          segments={[{ label: t('ui.breadcrumb.home'), to: '/' }, ...crumbs].map((c) => ({
            label: c.label,
            linkProps: { to: c.to },
          }))}
        />
      ) : null}
      <h1>{title}</h1>
      {children}
    </>
  );
}
