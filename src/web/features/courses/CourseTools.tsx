/** The course page's toolbar in edit mode: settings, duplicate (in a modal), export as a zip archive. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CourseDuplicateBody } from '../../../shared/api.ts';
import { type Course, courseArchiveUrl, courseKeys, duplicateCourse } from '../../api/courses.ts';
import { useMe } from '../../app/auth.tsx';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { FormModal } from '../../components/dialogs.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const duplicateModal = createModal({ id: 'modale-duplication-parcours', isOpenedByDefault: false });

export function CourseTools({ course }: { course: Course }) {
  const { t } = useTranslation();
  return (
    <>
      <ul
        className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mb-3w"
        aria-label={t('ui.courses.toolbar')}
      >
        <li>
          <Button
            priority="secondary"
            iconId="fr-icon-settings-5-line"
            linkProps={{ to: `/parcours/${course.id}/parametres` }}
          >
            {t('ui.courses.settings.link')}
          </Button>
        </li>
        <li>
          <Button priority="secondary" iconId="fr-icon-file-add-line" onClick={() => duplicateModal.open()}>
            {t('ui.courses.duplicate.button')}
          </Button>
        </li>
        <li>
          <a
            className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
            href={courseArchiveUrl(course.id)}
            download
          >
            {t('ui.courses.export.button')}
          </a>
        </li>
      </ul>
      <DuplicateModal course={course} />
    </>
  );
}

function DuplicateModal({ course }: { course: Course }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = 'dupliquer-parcours';
  const labels: Record<string, string> = {
    domainId: t('ui.courses.duplicate.domainId'),
    title: t('ui.courses.duplicate.copyTitleLabel'),
  };
  const domains = me.domains;
  const defaultDomain = domains.some((d) => d.id === course.domainId)
    ? course.domainId
    : (domains[0]?.id ?? '');
  const { errors, message, pending, onSubmit } = useFormSubmission(CourseDuplicateBody, async (data) => {
    const copy = await duplicateCourse(course.id, data);
    void queryClient.invalidateQueries({ queryKey: courseKeys.lists });
    duplicateModal.close();
    navigate(`/parcours/${copy.id}?edition=1`, {
      state: { flash: t('ui.courses.duplicate.done', { title: copy.title }) },
    });
  });

  return (
    <FormModal
      modal={duplicateModal}
      form={form}
      title={t('ui.courses.duplicate.title', { title: course.title })}
      intro={t('ui.courses.duplicate.intro')}
      submitLabel={t('ui.courses.duplicate.submit')}
      submitIcon="fr-icon-file-add-line"
      pending={pending}
      errors={errors}
      labels={labels}
      message={message}
      onSubmit={onSubmit}
    >
      <SelectField
        form={form}
        name="domainId"
        errors={errors}
        label={labels.domainId}
        required
        defaultValue={defaultDomain}
      >
        <option value="" disabled>
          {t('ui.courses.fields.chooseDomain')}
        </option>
        <DomainOptions domains={domains} />
      </SelectField>
      <TextField
        form={form}
        name="title"
        errors={errors}
        label={labels.title}
        required
        autoComplete="off"
        defaultValue={t('ui.courses.duplicate.copyTitle', { title: course.title })}
      />
    </FormModal>
  );
}
