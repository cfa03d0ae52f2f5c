/** How urgent a 系统公告 is: 提示, 警示, 紧急 (the banner's colour, and the order banners show in). */
export const ANNOUNCEMENT_LEVELS = ['info', 'warning', 'critical'] as const;
export type AnnouncementLevel = (typeof ANNOUNCEMENT_LEVELS)[number];
