import { defineErrors } from '../../../platform/http/errors.js';

export const announcementError = defineErrors({
  ANNOUNCEMENT_NOT_FOUND: { status: 404, zh: '系统公告不存在', en: 'No such announcement' },
  ANNOUNCEMENT_PERIOD_INVALID: {
    status: 400,
    zh: (d) => `公告的结束时间必须晚于开始时间，且尚未过去，显示时长不超过 ${String(d.maxDays)} 天`,
    en: (d) => `The announcement must end after it starts and in the future, and show for at most ${String(d.maxDays)} days`,
  },
  ANNOUNCEMENT_WITHDRAWN: { status: 409, zh: '该公告已撤回，不能再修改或撤回（可能已被他人撤回，请刷新）', en: 'The announcement was withdrawn and can no longer be changed (someone may have done it: reload)' },
  ANNOUNCEMENT_VERSION_STALE: { status: 409, zh: '公告已更新，请刷新后再关闭', en: 'The announcement has changed: reload before closing it' },
});
