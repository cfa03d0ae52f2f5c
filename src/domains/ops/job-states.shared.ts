// The states of a queued job, for the contract and the console's filter alike.
export const JOB_STATES = ['queued', 'running', 'succeeded', 'dead'] as const;
