import type { MessageKey } from '../../app/messages.zh';
import { NOTICE_CATEGORIES, NOTICE_CERTIFICATE_KINDS, NOTICE_INDUSTRIES } from './notices.api';

/** The audience's choices with the words the registry's pages already use for them. */
export const industryOptions = (t: (k: MessageKey) => string) => NOTICE_INDUSTRIES.map((i) => ({ value: i, label: t(`industry.${i}` as MessageKey) }));
export const categoryOptions = (t: (k: MessageKey) => string) => NOTICE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}` as MessageKey) }));
export const certificateOptions = (t: (k: MessageKey) => string) => NOTICE_CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`certKind.${k}` as MessageKey) }));
