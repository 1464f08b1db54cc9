import * as z from 'zod';
import { cleanText, hasVisibleText } from './clean-text.ts';

export { cleanText, hasVisibleText };

/** Free text that may be empty (details, a title, a comment): cleaned, at most `max` characters. */
export const plainText = (max: number) => z.string().overwrite(cleanText).max(max);

/**
 * Text that must say something (a subject, a name, a message): cleaned, at most `max` characters,
 * and refused with `message` unless at least one character of it shows.
 */
export const visibleText = (max: number, message = 'Required') =>
  z.string().overwrite(cleanText).min(1, message).max(max).refine(hasVisibleText, message);
