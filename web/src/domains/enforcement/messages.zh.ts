// The domain's words in Chinese but those the shell shows (messages.shell.zh.ts, its one menu entry): none yet, the
// cases' words are still with supervision's (messages.supervision), which its pages wait for with every domain's.
export const words = {};
