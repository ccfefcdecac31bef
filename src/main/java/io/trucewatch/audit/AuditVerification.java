package io.trucewatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What {@code GET /api/audit/verify} answers. In order, stopping at the first failure: the chain
 * (every entry present, linked and matching its hash); the signed checkpoints (genuine, still in the
 * database, and still in the chain, so a chain cut short after a checkpoint shows); the incidents'
 * stored state against what their entries say.
 */
@ApplicationScoped
public class AuditVerification {

    @Inject
    AuditTrail trail;

    @Inject
    Checkpoints checkpoints;

    @Inject
    IncidentStateCheck incidents;

    public ChainCheck verify() {
        ChainCheck check = trail.verify();
        if (!check.intact()) {
            return check;
        }
        CheckpointCheck.Result signed = checkpoints.check(check.headSeq());
        check = check.withCheckpointsChecked(signed.checked());
        if (signed.problem() != null) {
            return check.failed(ChainCheck.CHECKPOINT, signed.seq(), signed.problem());
        }
        IncidentStateCheck.Result state = incidents.firstMismatch();
        check = check.withIncidentsChecked(state.incidentsChecked());
        return state.mismatch() == null ? check : check.failedOnState(state.mismatch());
    }

    /**
     * For an auditor holding checkpoint (seq, hash) from earlier: whether the chain holds and still
     * has entry {@code seq} with that hash, i.e. the log only grew since. Checkpoints and incident
     * state are left to the full verify.
     */
    public ChainCheck verifySince(long seq, String hash) {
        ChainCheck check = trail.verify();
        if (!check.intact()) {
            return check.withContainsCheckpoint(false);
        }
        if (seq > check.headSeq()) {
            return check.failed(ChainCheck.SINCE_CHECKPOINT, seq, "the log ends at entry " + check.headSeq()
                    + ", before entry " + seq + " of your checkpoint: it was cut short (or the checkpoint is of another log)")
                    .withContainsCheckpoint(false);
        }
        String now = ChainWalk.hashOf(seq);
        if (!hash.equalsIgnoreCase(now)) {
            return check.failed(ChainCheck.SINCE_CHECKPOINT, seq, "entry " + seq + " now has hash " + now
                    + ", not the hash of your checkpoint: the log was rewritten, not only grown")
                    .withContainsCheckpoint(false);
        }
        return check.withContainsCheckpoint(true);
    }
}
