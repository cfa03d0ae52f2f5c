/** A mainland mobile number, as the server's contracts accept it (src/domains/registry/contracts.ts mobilePhone). */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
