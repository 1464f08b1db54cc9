import type {
  OpenPulse,
  PulseActions,
  PulseResponse,
  PulseResultsQuery,
  PulseSkip,
  UpdatePulse,
} from '../../shared/pulses.ts';
import type { LedgerContext, Principal } from './context.ts';
import { setPulseActions } from './pulse-actions.ts';
import { myPulses, respondToPulse, skipPulse } from './pulse-responses.ts';
import { pulseResults } from './pulse-results.ts';
import { closePulse, nextPulseWork, sweepPulses } from './pulse-schedule.ts';
import { listPulses, openPulse, updatePulse } from './pulses-open.ts';

/** The ledger's department-pulse operations (createOrgLedger spreads them in). */
export function pulseOps(ctx: LedgerContext) {
  return {
    pulses: (who: Principal) => listPulses(ctx, who),
    openPulse: (who: Principal, input: OpenPulse, key: string) => openPulse(ctx, who, input, key),
    updatePulse: (who: Principal, id: string, input: UpdatePulse) => updatePulse(ctx, who, id, input),
    closePulse: (who: Principal, id: string) => closePulse(ctx, who, id),
    myPulses: (who: Principal) => myPulses(ctx, who),
    respondToPulse: (who: Principal, id: string, input: PulseResponse, key: string) =>
      respondToPulse(ctx, who, id, input, key),
    skipPulse: (who: Principal, id: string, input: PulseSkip) => skipPulse(ctx, who, id, input),
    pulseResults: (who: Principal, id: string, query: PulseResultsQuery) => pulseResults(ctx, who, id, query),
    setPulseActions: (who: Principal, id: string, departmentId: string, input: PulseActions) =>
      setPulseActions(ctx, who, id, departmentId, input),
    /** The loop's round: closes pulses whose time came and opens quarterly rounds that are due. */
    sweepPulses: () => sweepPulses(ctx),
    /** When the loop next has pulse work (the Durable Object's alarm), or null. */
    nextPulseWork: () => nextPulseWork(ctx),
  };
}
