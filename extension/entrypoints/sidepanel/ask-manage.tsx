import type { AskActions, AskDetail } from '../../../shared/asks.ts';
import type { Department } from '../../../shared/people.ts';
import type { AssigneeItem } from '../../utils/api.ts';
import { AssigneePicker } from './assignee-picker.tsx';
import { ForwardForm } from './forward-form.tsx';

interface AskManageProps {
  detail: AskDetail & { actions: AskActions };
  departments(): Promise<Department[]>;
  /** The department's members whose name holds every word of `q`: who the ask may be assigned to. */
  searchAssignees(q: string): Promise<AssigneeItem[]>;
  /** Each rejects when the server refused, so the control keeps what was chosen. */
  onAssign(assigneeId: string | null, name: string): Promise<void>;
  onForward(departmentId: string, name: string, note: string): Promise<void>;
}

/** Assign and forward: for the department's members, below the ask. Nothing when the reader may do neither. */
export function AskManage({
  detail: { ask, actions },
  departments,
  searchAssignees,
  onAssign,
  onForward,
}: AskManageProps) {
  if (!actions.canAssign && !actions.canForward) return null;
  return (
    <div class="manage">
      {actions.canAssign ? (
        <AssigneePicker search={searchAssignees} current={ask.assignee} onAssign={onAssign} />
      ) : null}
      {actions.canForward ? (
        <ForwardForm
          departments={departments}
          current={ask.to.kind === 'department' ? ask.to.id : null}
          onForward={onForward}
        />
      ) : null}
    </div>
  );
}
