import './char-count.css';
import { cleanText } from '../../shared/clean-text.ts';

/** A text's length as the server counts it (after cleaning), so the counter and the refusal agree with it. */
export const textLength = (text: string) => cleanText(text).length;

/** Why a text cannot be sent as it is, or null when it fits: said beside the field instead of cutting it. */
export function tooLong(text: string, max: number): string | null {
  const length = textLength(text);
  return length > max ? `Too long by ${length - max} (${length} of ${max} characters). Shorten it to send.` : null;
}

/**
 * The counter under a field, shown from 80% of its limit on (a field's `hint`): nothing is cut, so
 * pasted text stays whole and the person sees how much to shorten.
 */
export function charCount(text: string, max: number) {
  const length = textLength(text);
  if (length < max * 0.8) return null;
  const over = length - max;
  return (
    <span class={over > 0 ? 'char-count over' : 'char-count'}>
      {over > 0 ? `${length} of ${max} characters: ${over} too many` : `${length} of ${max} characters`}
    </span>
  );
}
