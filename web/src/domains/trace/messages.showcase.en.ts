import type { showcaseZh } from './messages.showcase.zh';

export const showcaseEn: Record<keyof typeof showcaseZh, string> = {
  'action.trace.product_showcase': 'Showcase setting of a product',
  'showcase.label': 'Showcase',
  'showcase.hint': 'When on, the product appears on the public page of traceable products for buyers looking for supply: product, class, your name, county and valid certificates only, never a phone or address.',
  'showcase.shown': 'The product is now in the showcase',
  'showcase.hidden': 'The product is no longer shown',
};
