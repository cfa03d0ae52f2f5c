/**
 * The version of the registration privacy notice (注册个人信息处理告知) the console shows; an application carries the
 * version its applicant consented to, and only the current one is accepted. Shared with the console, so this file
 * imports nothing. Change it whenever the notice's words (web messages `privacy.*`) change.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-05';
