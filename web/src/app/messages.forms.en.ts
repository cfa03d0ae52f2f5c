import type { formsZh } from './messages.forms.zh';

export const formsEn: Record<keyof typeof formsZh, string> = {
  'limit.max': 'At most {n}',
  'limit.min': 'At least {n}',
  'limit.positive': 'Must be above 0',
  'limit.integer': 'Must be a whole number',
  'limit.notNumber': 'Enter a number',
  'confirm.sellTitle': 'Confirm the quantity sold',
  'confirm.sellWhole': 'This sells {n}, the whole free stock of the batch ({available}). Go ahead?',
  'confirm.sellLarge': 'This sells {n}, most of the batch’s free stock ({available}). Go ahead?',
  'confirm.marketTitle': 'Confirm the quantity taken to market',
  'confirm.ok': 'Confirm',
  'confirm.back': 'Go back',
  'load.failed': 'Could not load',
  'load.retry': 'Retry',
  'load.expired': 'Your session has expired; sign in again',
  'load.toLogin': 'Sign in again',
  'load.offline': 'You are offline; it reconnects when the network is back',
  'load.empty': 'Nothing here yet',
  'live.on': 'Live',
  'live.offline': 'Offline: not updating',
  'live.reconnecting': 'Reconnecting…',
};
