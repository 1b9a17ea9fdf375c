/**
 * The rich-text editor's image form, under its toolbar: the file, then its alternative text — required,
 * unless the author says the image is decorative (then `alt=""`, and screen readers skip it). The image is
 * uploaded to the course (`POST /api/courses/:id/images`) and inserted at the cursor by its address.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Upload } from '@codegouvfr/react-dsfr/Upload.js';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadCourseImage } from '../api/activities.ts';
import type { Editor } from './TipTapEditor.tsx';
import { useUploadMessage } from './upload.ts';

/** What the server accepts (`IMAGE_TYPES` of the course images); the browser's picker offers only these. */
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

export function ImageForm({
  editor,
  courseId,
  onClose,
}: {
  editor: Editor;
  courseId: string;
  /** `true` when an image was inserted: the focus goes back to the text; else to the toolbar's button. */
  onClose: (inserted: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const message = useUploadMessage();
  const fileInput = useRef<HTMLInputElement>(null);
  const altInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [alt, setAlt] = useState('');
  const [decorative, setDecorative] = useState(false);
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [pending, setPending] = useState(false);
  useEffect(() => {
    fileInput.current?.focus();
  }, []);

  async function insert() {
    const found = {
      ...(file ? {} : { file: t('ui.editor.imageRequired') }),
      ...(decorative || alt.trim() ? {} : { alt: t('ui.editor.imageAltRequired') }),
    };
    setErrors(found);
    if (found.file || !file) {
      fileInput.current?.focus();
      return;
    }
    if (found.alt) {
      altInput.current?.focus();
      return;
    }
    setPending(true);
    try {
      const { url } = await uploadCourseImage(courseId, file);
      editor
        .chain()
        .focus()
        .setImage({ src: url, alt: decorative ? '' : alt.trim() })
        .run();
      onClose(true);
    } catch (error) {
      // Too large, not an image…: the server's words, next to the file.
      setErrors({ file: message(error) });
      setPending(false);
      fileInput.current?.focus();
    }
  }

  return (
    // Not a <form>: the editor usually sits inside the page's form, and forms do not nest.
    <fieldset
      className="mg-linkform"
      aria-labelledby={`${id}-legend`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose(false);
        }
        if (event.key === 'Enter' && event.target === altInput.current) {
          event.preventDefault();
          void insert();
        }
      }}
    >
      {/* A title inside the frame (a <legend> would sit on its border); it names the group. */}
      <p className="fr-text--bold fr-mb-2w" id={`${id}-legend`}>
        {t('ui.editor.image')}
      </p>
      <Upload
        label={t('ui.editor.imageFile')}
        hint={t('ui.editor.imageFileHint')}
        disabled={pending}
        state={errors.file ? 'error' : 'default'}
        stateRelatedMessage={errors.file}
        nativeInputProps={{
          ref: fileInput,
          id: `${id}-file`,
          accept: ACCEPT,
          'aria-required': true,
          ...(errors.file ? { 'aria-invalid': true } : {}),
          onChange: (event) => {
            setFile(event.currentTarget.files?.[0]);
            setErrors(({ file: _, ...rest }) => rest);
          },
        }}
      />
      <Input
        className="fr-mt-3w"
        label={t('ui.editor.imageAlt')}
        hintText={t('ui.editor.imageAltHint')}
        disabled={decorative || pending}
        state={errors.alt ? 'error' : 'default'}
        stateRelatedMessage={errors.alt}
        nativeInputProps={{
          ref: altInput,
          id: `${id}-alt`,
          autoComplete: 'off',
          maxLength: 500,
          'aria-required': !decorative,
          value: decorative ? '' : alt,
          onChange: (event) => setAlt(event.target.value),
          ...(errors.alt ? { 'aria-invalid': true } : {}),
        }}
      />
      <Checkbox
        small
        options={[
          {
            label: t('ui.editor.imageDecorative'),
            hintText: t('ui.editor.imageDecorativeHint'),
            nativeInputProps: {
              checked: decorative,
              disabled: pending,
              onChange: (event) => {
                setDecorative(event.target.checked);
                setErrors(({ alt: _, ...rest }) => rest);
              },
            },
          },
        ]}
      />
      <div className="mg-actions fr-mt-2w">
        <Button type="button" size="small" disabled={pending} onClick={() => void insert()}>
          {t('ui.editor.imageInsert')}
        </Button>
        <Button type="button" size="small" priority="tertiary" onClick={() => onClose(false)}>
          {t('ui.editor.imageCancel')}
        </Button>
      </div>
      <p className="fr-sr-only" role="status">
        {pending ? t('ui.editor.imageUploading') : ''}
      </p>
    </fieldset>
  );
}
