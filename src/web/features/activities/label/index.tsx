/** Educational label: a framed text (objective, instruction, key point…) in the DSFR callout look. */
import type { FrIconClassName } from '@codegouvfr/react-dsfr';
import { CallOut, type CallOutProps } from '@codegouvfr/react-dsfr/CallOut.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fieldId } from '../../../components/forms.tsx';
import { RichText, RichTextEditor } from '../../../components/RichTextEditor.tsx';
import {
  type ActivityEditorProps,
  type ActivityInlineProps,
  type ActivityKindUi,
  type ActivityViewProps,
  str,
} from '../types.ts';

export const LABEL_STYLES = [
  'objective',
  'instruction',
  'key_point',
  'remember',
  'resource',
  'warning',
] as const;
type LabelStyle = (typeof LABEL_STYLES)[number];

const LOOK: Record<LabelStyle, { icon: FrIconClassName; color: CallOutProps.ColorVariant }> = {
  objective: { icon: 'fr-icon-focus-3-line', color: 'green-emeraude' },
  instruction: { icon: 'fr-icon-todo-line', color: 'blue-ecume' },
  key_point: { icon: 'fr-icon-lightbulb-line', color: 'yellow-tournesol' },
  remember: { icon: 'fr-icon-bookmark-line', color: 'purple-glycine' },
  resource: { icon: 'fr-icon-book-2-line', color: 'blue-cumulus' },
  warning: { icon: 'fr-icon-warning-line', color: 'orange-terre-battue' },
};

const styleOf = (value: unknown): LabelStyle =>
  LABEL_STYLES.includes(value as LabelStyle) ? (value as LabelStyle) : 'objective';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/**
 * "Consigne : Comment suivre ce parcours" — but a title that already starts with the style's name
 * ("Objectifs du parcours" for an objective) stands alone rather than repeating it.
 */
export function labelHeading(name: string, title: string) {
  const trimmed = title.trim();
  if (!trimmed || fold(trimmed).startsWith(fold(name))) return trimmed || name;
  return `${name}\u00a0: ${trimmed}`;
}

/** The label's frame: its style's icon, colour and name, its title, its text. */
function LabelCallout({
  title,
  settings,
  headingLevel,
}: {
  title: string;
  settings: Record<string, unknown>;
  headingLevel: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const style = styleOf(settings.style);
  const name = t(`ui.activities.labelStyles.${style}`);
  return (
    <CallOut
      className="mg-label"
      iconId={LOOK[style].icon}
      colorVariant={LOOK[style].color}
      title={labelHeading(name, title)}
      titleAs={headingLevel}
      bodyAs="div"
    >
      <RichText html={str(settings.content)} />
    </CallOut>
  );
}

function LabelView({ activity, headingLevel }: ActivityViewProps) {
  return <LabelCallout title={activity.title} settings={activity.settings} headingLevel={headingLevel} />;
}

/** On the course page, from the summary (the style and the text: all a label has). */
function LabelInline({ activity, headingLevel }: ActivityInlineProps) {
  return (
    <LabelCallout title={activity.title} settings={activity.summary ?? {}} headingLevel={headingLevel} />
  );
}

function LabelEditor({ form, settings, onChange, errors }: ActivityEditorProps) {
  const { t } = useTranslation();
  // The course being edited (`/parcours/:id/…`): images of the text are uploaded there.
  const { id: courseId } = useParams();
  const style = styleOf(settings.style);
  return (
    <>
      <RadioButtons
        legend={t('ui.activities.label.style')}
        name="label-style"
        orientation="horizontal"
        state={errors['settings.style'] ? 'error' : 'default'}
        stateRelatedMessage={errors['settings.style']}
        options={LABEL_STYLES.map((value) => ({
          label: (
            <span>
              <span className={`${LOOK[value].icon} fr-icon--sm fr-mr-1v`} aria-hidden="true" />
              {t(`ui.activities.labelStyles.${value}`)}
            </span>
          ),
          nativeInputProps: {
            value,
            checked: style === value,
            onChange: () => onChange({ ...settings, style: value }),
          },
        }))}
      />
      <RichTextEditor
        id={fieldId(form, 'settings.content')}
        label={t('ui.activities.label.content')}
        defaultValue={str(settings.content)}
        error={errors['settings.content']}
        onChange={(content) => onChange({ ...settings, content })}
        courseId={courseId}
      />
    </>
  );
}

export const label: ActivityKindUi = {
  icon: 'fr-icon-information-line',
  View: LabelView,
  Editor: LabelEditor,
  defaults: () => ({ style: 'objective', content: '' }),
  Inline: LabelInline,
};
