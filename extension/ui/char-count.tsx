import { i18n } from '#i18n';
import './char-count.css';
import { cleanText } from '../../shared/clean-text.ts';

/** A text's length as the server counts it (after cleaning), so the counter and the refusal agree with it. */
export const textLength = (text: string) => cleanText(text).length;

/** Why a text cannot be sent as it is, or null when it fits: said beside the field instead of cutting it. */
export function tooLong(text: string, max: number): string | null {
  const length = textLength(text);
  return length > max ? i18n.t('ui.tooLong', [length - max, length, max]) : null;
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
      {over > 0 ? i18n.t('ui.charCountOver', [length, max, over]) : i18n.t('ui.charCount', [length, max])}
    </span>
  );
}
