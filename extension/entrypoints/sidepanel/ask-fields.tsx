import type { RefObject } from 'preact';
import { i18n } from '#i18n';
import type { PageContext } from '../../../shared/asks.ts';
import { firstDay, lastDay } from '../../../shared/day-bounds.ts';
import { limits } from '../../../shared/limits.ts';
import { charCount } from '../../ui/char-count.tsx';
import { Field } from '../../ui/field.tsx';
import { importanceLabel, importanceOrder } from '../../ui/labels.ts';
import type { AskInput, FieldErrors } from './compose-input.ts';
import { PagePreview } from './page-preview.tsx';
import { ScreenshotAttach } from './screenshot-attach.tsx';

export type AskRefs = Record<'subject' | 'details' | 'importance' | 'expectedBy', RefObject<HTMLElement>>;

interface AskFieldsProps {
  value: AskInput;
  change(patch: Partial<AskInput>): void;
  errors: FieldErrors;
  /** The other mode is on. */
  hidden: boolean;
  /** The page the panel was opened on, if any. */
  context: PageContext | null;
  /** Takes the screenshot of the attached page. */
  capture(pageUrl: string): Promise<string>;
  refs: AskRefs;
}

/**
 * The Ask fields: subject, details, the attached page (when one was captured) with an optional
 * screenshot of it, importance and a needed-by date. Nothing is cut at a limit: a counter shows near it.
 */
export function AskFields({ hidden, value, change, errors, context, capture, refs }: AskFieldsProps) {
  return (
    <div class="mode-fields" id="ask-fields" hidden={hidden}>
      <Field
        label={i18n.t('panel.compose.askFields.subject')}
        error={errors.subject}
        hint={charCount(value.subject, limits.subject)}
      >
        <input
          ref={refs.subject as RefObject<HTMLInputElement>}
          id="ask-subject"
          type="text"
          required
          value={value.subject}
          onInput={(e) => change({ subject: e.currentTarget.value })}
        />
      </Field>
      <Field
        label={i18n.t('panel.compose.askFields.details')}
        error={errors.details}
        hint={charCount(value.details, limits.details)}
      >
        <textarea
          ref={refs.details as RefObject<HTMLTextAreaElement>}
          id="ask-details"
          rows={4}
          value={value.details}
          onInput={(e) => change({ details: e.currentTarget.value })}
        />
      </Field>
      {context ? (
        <div class="attach">
          <div class="check">
            <input
              id="ask-attach"
              type="checkbox"
              checked={value.attach}
              onChange={(e) => change({ attach: e.currentTarget.checked })}
            />
            <label for="ask-attach">{i18n.t('panel.compose.askFields.attachPage')}</label>
          </div>
          <PagePreview context={context} />
          {value.attach ? (
            <ScreenshotAttach
              key={context.url}
              image={value.screenshot?.url === context.url ? value.screenshot.image : null}
              set={(image) => change({ screenshot: image ? { url: context.url, image } : null })}
              capture={() => capture(context.url)}
            />
          ) : null}
        </div>
      ) : null}
      <div class="field-pair">
        <Field label={i18n.t('panel.compose.askFields.importance')} error={errors.importance}>
          <select
            ref={refs.importance as RefObject<HTMLSelectElement>}
            id="ask-importance"
            value={value.importance}
            onChange={(e) => change({ importance: e.currentTarget.value as AskInput['importance'] })}
          >
            {importanceOrder.map((i) => (
              <option key={i} value={i}>
                {importanceLabel[i]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={i18n.t('panel.compose.askFields.neededBy')} error={errors.expectedBy}>
          <input
            ref={refs.expectedBy as RefObject<HTMLInputElement>}
            id="ask-expected-by"
            type="date"
            min={firstDay}
            max={lastDay}
            value={value.expectedBy}
            onInput={(e) => change({ expectedBy: e.currentTarget.value })}
          />
        </Field>
      </div>
    </div>
  );
}
