/** A course's stage as a DSFR badge: a running session stands out, a template or the trash is grey. */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../shared/lifecycle.ts';

const SEVERITY: Partial<Record<Stage, 'success' | 'info' | 'new' | 'warning'>> = {
  construction: 'info',
  session_preparation: 'new',
  session_running: 'success',
  trash: 'warning',
};

export function StageBadge({ stage, className }: { stage: Stage; className?: string }) {
  const { t } = useTranslation();
  return (
    <Badge className={className ?? 'fr-ml-1w'} small noIcon severity={SEVERITY[stage]}>
      {t(`workflow.stages.${stage}`)}
    </Badge>
  );
}
