// The fixed choices of the monitoring domain's records, for the contracts and the console's forms and filters alike.

export const PLACE_KINDS = ['base', 'wholesale_market', 'supermarket', 'farmers_market', 'other'] as const;
export const SAMPLE_STATUSES = ['sampled', 'received', 'tested'] as const;
export const VERDICTS = ['pass', 'fail'] as const;
/** Units a result may be entered in; it is judged in mg/kg. */
export const RESULT_UNITS = ['mg/kg', 'μg/kg'] as const;
/** 检验 → 审核 → 批准: only an approved version is issued. */
export const REPORT_STATUSES = ['entered', 'reviewed', 'approved', 'returned'] as const;
export const REPORT_ACTIONS = ['enter', 'correct', 'review', 'approve', 'return'] as const;
export const ANALYTE_KINDS = ['pesticide', 'vet_drug'] as const;
export const RECALL_KINDS = ['recall', 'withdraw'] as const;
export const CONTACT_VIA = ['subject', 'market', 'phone', 'none'] as const;
export const HOLD_STATUSES = ['held', 'released', 'withdrawn'] as const;
export const ANSWERS = ['unanswered', 'acknowledged', 'reported'] as const;
/** The task kinds a sample may be taken for. */
export const SAMPLING_TASK_KINDS = ['routine_monitoring', 'special_monitoring', 'supervisory_sampling'] as const;
