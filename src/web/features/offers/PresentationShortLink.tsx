/** The offer's short link, shown whole (selectable) with a button that copies it. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OfferKind, shortLink } from '../../../shared/offers.ts';

export function PresentationShortLink({ kind, number }: { kind: OfferKind; number: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'copied' | 'failed'>();
  const address = `${window.location.origin}${shortLink(kind, number)}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }
  return (
    <section aria-labelledby="lien-court-titre" className="fr-mb-4w">
      <h2 id="lien-court-titre" className="fr-h6 fr-mb-1w">
        {t('offers.presentation.shortLink')}
      </h2>
      <p className="fr-text--sm fr-mb-1w">{t('offers.presentation.shortLinkHint')}</p>
      <div className="mg-offer-shortlink">
        <code data-testid="lien-court">{address}</code>
        <Button priority="tertiary" size="small" iconId="fr-icon-clipboard-line" onClick={() => void copy()}>
          {t('offers.presentation.copy')}
        </Button>
      </div>
      <p className="fr-text--sm fr-mt-1w fr-mb-0" role="status">
        {status ? t(`offers.presentation.${status === 'copied' ? 'copied' : 'copyFailed'}`) : ''}
      </p>
    </section>
  );
}
