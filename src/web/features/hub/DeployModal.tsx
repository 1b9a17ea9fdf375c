/** "Déployer dans mon domaine": the domain of the copy and its title, then the copy's life-cycle page. */
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DeployBody } from '../../../shared/hub.ts';
import { deployOffer, type HubCourse, type HubSearchResult, refreshHub } from '../../api/hub.ts';
import { useWorkingDomain } from '../../app/domainChoice.ts';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { submitButton } from '../../components/dialogs.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorSummary, readForm } from '../../components/forms.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

export const deployModal = createModal({ id: 'modale-deployer', isOpenedByDefault: false });
const DEPLOY_FORM = 'deployer-parcours';

type Domain = HubSearchResult['targetDomains'][number];

/** Where a parcours may be deployed: the person's domains, except its own and those holding a copy. */
export const targetsFor = (offer: HubCourse, domains: Domain[]) =>
  domains.filter(
    (d) => d.id !== offer.domain.id && !offer.deployedCopies.some((copy) => copy.domain.id === d.id),
  );

/** One dialog for the page, filled with the chosen parcours; stays mounted so it can close cleanly. */
export function DeployModal({ offer, domains }: { offer: HubCourse | null; domains: Domain[] }) {
  const { t } = useTranslation();
  return (
    <deployModal.Component
      title={t('hub.deploy.title')}
      titleAs="h2"
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        // The form is the dialog's child, which knows when it is sending (see its submit).
        submitButton(DEPLOY_FORM, t('hub.deploy.submit'), false, 'fr-icon-git-branch-line'),
      ]}
    >
      {/* Keyed by offer: each parcours opens the form with its own defaults. */}
      {offer ? <DeployForm key={offer.number} offer={offer} domains={targetsFor(offer, domains)} /> : null}
    </deployModal.Component>
  );
}

function DeployForm({ offer, domains }: { offer: HubCourse; domains: Domain[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [working] = useWorkingDomain();
  const form = DEPLOY_FORM;
  const labels = { domainId: t('hub.deploy.domain'), title: t('hub.deploy.copyTitle') };
  const { errors, message, pending, submit } = useFormSubmission(DeployBody, async (data) => {
    const deployed = await deployOffer(offer.number, data);
    deployModal.close();
    await refreshHub(queryClient);
    navigate(`/parcours/${deployed.courseId}/cycle-de-vie`, {
      state: { flash: t('hub.deploy.done', { title: deployed.title, version: deployed.version }) },
    });
  });
  const preferred = domains.find((d) => d.id === working)?.id ?? domains[0]?.id;

  return (
    <>
      <p>{t('hub.deploy.intro', { title: offer.title, version: offer.version ?? '—' })}</p>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form
        id={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // The dialog's button is outside this form: a second click while sending must not deploy twice.
          if (!pending) void submit(readForm(event.currentTarget));
        }}
      >
        <SelectField
          form={form}
          name="domainId"
          errors={errors}
          label={labels.domainId}
          hint={t('hub.deploy.domainHint')}
          defaultValue={preferred}
        >
          <DomainOptions domains={domains} />
        </SelectField>
        <TextField
          form={form}
          name="title"
          errors={errors}
          label={labels.title}
          required
          defaultValue={offer.title}
        />
      </form>
    </>
  );
}
