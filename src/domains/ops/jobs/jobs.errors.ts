import { defineErrors } from '../../../platform/http/errors.js';

export const jobError = defineErrors({
  JOB_NOT_FOUND: { status: 404, zh: '作业不存在（可能已按保留期清除）', en: 'No such job (it may have been purged after its retention period)' },
  JOB_NOT_DEAD: {
    status: 409,
    zh: (d) => `只有已失败停用的作业可以重试，该作业当前状态为“${String(d.stateZh)}”`,
    en: (d) => `Only a dead job can be retried; this one is ${String(d.state)}`,
  },
});
