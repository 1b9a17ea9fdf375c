/** Page: rich text. */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { fieldId } from '../../../components/forms.tsx';
import { RichText, RichTextEditor } from '../../../components/RichTextEditor.tsx';
import { type ActivityEditorProps, type ActivityKindUi, type ActivityViewProps, str } from '../types.ts';

function PageView({ activity }: ActivityViewProps) {
  const { t } = useTranslation();
  const content = str(activity.settings.content);
  return content ? <RichText html={content} /> : <EmptyState message={t('ui.activities.view.empty')} />;
}

function PageEditor({ form, settings, onChange, errors }: ActivityEditorProps) {
  const { t } = useTranslation();
  // The course being edited (`/parcours/:id/…`): images of the text are uploaded there.
  const { id: courseId } = useParams();
  return (
    <RichTextEditor
      id={fieldId(form, 'settings.content')}
      label={t('ui.activities.page.content')}
      defaultValue={str(settings.content)}
      error={errors['settings.content']}
      onChange={(content) => onChange({ ...settings, content })}
      courseId={courseId}
    />
  );
}

export const page: ActivityKindUi = {
  icon: 'fr-icon-article-line',
  View: PageView,
  Editor: PageEditor,
  defaults: () => ({ content: '' }),
};
