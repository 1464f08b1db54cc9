import { MailPlus, X } from 'lucide';
import { useId } from 'preact/hooks';
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
          <span>Invitation for {name}</span>
        </h3>
        <button type="button" class="icon-button" aria-label="Close invitation" title="Close" onClick={close}>
          <Icon node={X} />
        </button>
      </div>
      <p class="hint">
        Send {name} the link, or the code to type into the Tandem panel. It works once, until{' '}
        {dateWithRelative(invitation.expiresAt)}. Creating another invitation does not cancel this one.
      </p>
      <div class="invite-grid">
        <CopyField id={`${id}-code`} label="Sign-in code" value={invitation.code} copyLabel="Copy code" focusFirst />
        <CopyField id={`${id}-link`} label="Invitation link" value={invitation.link} copyLabel="Copy link" />
      </div>
    </fieldset>
  );
}
