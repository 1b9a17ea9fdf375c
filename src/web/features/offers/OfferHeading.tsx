import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import type { Crumb } from '../../components/PageHeading.tsx';

/**
 * The heading of the offer's inner pages. They are public: the breadcrumb starts at the catalogue, not
 * at "Mon espace", which an anonymous visitor does not have.
 */
export function OfferHeading({
  title,
  crumbs = [],
  current,
  children,
}: {
  title: string;
  /** This page in the breadcrumb, when shorter than its title. */
  current?: string;
  /** Ancestors between the catalogue and this page. */
  crumbs?: Crumb[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <>
      <Breadcrumb
        className="fr-mt-0 fr-mb-3w"
        currentPageLabel={current ?? title}
        segments={[{ label: t('offers.title'), to: '/offres' }, ...crumbs].map((c) => ({
          label: c.label,
          linkProps: { to: c.to },
        }))}
      />
      <h1>{title}</h1>
      {children}
    </>
  );
}
