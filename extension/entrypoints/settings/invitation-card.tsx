import { MailPlus, X } from 'lucide';
import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import type { InvitationResult } from '../../utils/api.ts';
import { dateWithRelative } from '../../utils/dates.ts';
import { CopyField } from './copy-field.tsx';

interface InvitationCardProps {
  name: string;
  invitation: InvitationResult;
  close(): void;
}

/** A new invitation: the one-time code and the join link to pass on, and until when they work. Opens on the code. */
export function InvitationCard({ name, invitation, close }: InvitationCardProps) {
  const id = useId();
  return (
    <fieldset class="card invitation" id="invitation" aria-labelledby={`${id}-heading`}>
      <div class="card-header">
        <h3 id={`${id}-heading`}>
          <span class="title-icon">
            <Icon node={MailPlus} />
          </span>
          <span>{i18n.t('settings.invitation.heading', [name])}</span>
        </h3>
        <button
          type="button"
          class="icon-button"
          aria-label={i18n.t('settings.invitation.closeLabel')}
          title={i18n.t('settings.invitation.close')}
          onClick={close}
        >
          <Icon node={X} />
        </button>
      </div>
      <p class="hint">{i18n.t('settings.invitation.hint', [name, dateWithRelative(invitation.expiresAt)])}</p>
      <div class="invite-grid">
        <CopyField
          id={`${id}-code`}
          label={i18n.t('settings.invitation.code')}
          value={invitation.code}
          copyLabel={i18n.t('settings.invitation.copyCode')}
          focusFirst
        />
        <CopyField
          id={`${id}-link`}
          label={i18n.t('settings.invitation.link')}
          value={invitation.link}
          copyLabel={i18n.t('settings.invitation.copyLink')}
        />
      </div>
    </fieldset>
  );
}
