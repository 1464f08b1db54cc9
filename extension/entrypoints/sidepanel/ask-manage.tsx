import type { AskActions, AskDetail } from '../../../shared/asks.ts';
import type { Department } from '../../../shared/people.ts';
import { AssigneePicker } from './assignee-picker.tsx';
import { ForwardForm } from './forward-form.tsx';

interface AskManageProps {
  detail: AskDetail & { actions: AskActions };
  departments(): Promise<Department[]>;
  /** Each rejects when the server refused, so the control keeps what was chosen. */
  onAssign(assigneeId: string | null, name: string): Promise<void>;
  onForward(departmentId: string, name: string, note: string): Promise<void>;
}

/** Assign and forward: for the department's members, below the ask. Nothing when the reader may do neither. */
export function AskManage({ detail: { ask, actions }, departments, onAssign, onForward }: AskManageProps) {
  if (!actions.canAssign && !actions.canForward) return null;
  const nameOf = (id: string | null) =>
    id ? (actions.assignees.find((p) => p.id === id)?.name ?? ask.assignee?.name ?? '') : '';
  return (
    <div class="manage">
      {actions.canAssign ? (
        <AssigneePicker
          assignees={actions.assignees}
          current={ask.assignee}
          onAssign={(id) => onAssign(id, nameOf(id))}
        />
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
