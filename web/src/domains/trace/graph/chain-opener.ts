import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import type { TraceNode } from '../trace.types';

/** What a click on a batch of the chain (tree row or graph node) does, which batches take it, and the hint saying so. */
export type ChainOpener = { canOpen: (node: TraceNode) => boolean; open: (node: TraceNode) => void; hint: string };

/** The workbench's: a batch of my own subject opens its page. */
export function useOwnBatchOpener(): ChainOpener {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const subjectId = me.subject?.id;
  return useMemo(
    () => ({
      canOpen: (n) => n.holder.subjectId !== null && n.holder.subjectId === subjectId,
      open: (n) => navigate(`/trace/batches/${n.id}`),
      hint: t('chain.graphHint'),
    }),
    [subjectId, navigate, t],
  );
}
