/**
 * Enrolment from a training offer's page. Anonymous: "M'inscrire" leads to the login page, which brings
 * the person back here. Signed in: the self-enrolment button of the session, then a way into it.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OfferPresentation } from '../../../shared/offers.ts';
import { useSelfEnrolment } from '../../api/enrolment.ts';
import { offerKeys } from '../../api/offers.ts';
import { useMeQuery } from '../../app/auth.tsx';
import { SelfEnrolButton } from '../enrolment/SelfEnrolButton.tsx';

type Session = OfferPresentation['sessions'][number];

export function PresentationEnrol({ offer, session }: { offer: OfferPresentation; session: Session }) {
  const { t } = useTranslation();
  const { data: me, isPending } = useMeQuery();
  if (isPending) return null;
  return (
    <section aria-labelledby="inscription-titre" className="fr-mb-4w">
      <h2 id="inscription-titre" className="fr-h5 fr-mb-1w">
        {t('offers.presentation.enrol')}
      </h2>
      {me ? (
        <SignedInEnrol offer={offer} session={session} />
      ) : session.selfEnrolment ? (
        <>
          <p className="fr-mb-2w">{t('offers.presentation.enrolIntro')}</p>
          <Button
            iconId="fr-icon-user-add-line"
            linkProps={{ to: `/connexion?retour=${encodeURIComponent(`/offres/${offer.number}`)}` }}
          >
            {t('offers.presentation.loginToEnrol')}
          </Button>
          <p className="fr-text--sm fr-mt-1w fr-mb-0">{t('offers.presentation.loginToEnrolHint')}</p>
        </>
      ) : (
        <p className="fr-mb-0">{t('offers.presentation.enrolClosed')}</p>
      )}
    </section>
  );
}

function SignedInEnrol({ offer, session }: { offer: OfferPresentation; session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useSelfEnrolment(session.courseId).data;
  const enrolled = state?.enrolled ?? session.enrolled ?? false;
  const closed = state && !state.enrolled && !state.canEnrol && state.reason !== 'sessionFull';
  return (
    <>
      {closed ? <p className="fr-mb-0">{t('offers.presentation.enrolClosed')}</p> : null}
      <SelfEnrolButton
        courseId={session.courseId}
        onChange={() => void queryClient.invalidateQueries({ queryKey: offerKeys.offer(offer.number) })}
      />
      {enrolled ? (
        <Button
          iconId="fr-icon-arrow-right-line"
          iconPosition="right"
          linkProps={{ to: `/parcours/${session.courseId}` }}
        >
          {t('offers.presentation.goToCourse')}
        </Button>
      ) : null}
    </>
  );
}
