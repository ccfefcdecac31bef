package io.trucewatch.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether every signed checkpoint still holds: its signature is this service's over its values, the
 * database still has every checkpoint the log file witnessed, and the chain still reaches the entry
 * it signed, with the hash it signed. Run after the chain itself verified, so stored hashes are the
 * entries' real hashes.
 */
final class CheckpointCheck {

    /** How many checkpoints held before the first that did not; that one's entry and what is wrong. */
    record Result(int checked, Long seq, String problem) {
    }

    private CheckpointCheck() {
    }

    static Result check(CheckpointKey key, List<SignedCheckpoint> stored, List<SignedCheckpoint> logged, Path logPath,
            long headSeq) {
        Map<Long, SignedCheckpoint> rows = bySeq(stored);
        Map<Long, SignedCheckpoint> witnessed = bySeq(logged);
        TreeSet<Long> seqs = new TreeSet<>(rows.keySet());
        seqs.addAll(witnessed.keySet());
        Map<Long, String> hashes = ChainWalk.hashesOf(seqs.headSet(headSeq, true).stream().toList());
        int checked = 0;
        for (long seq : seqs) {
            SignedCheckpoint row = rows.get(seq);
            SignedCheckpoint witness = witnessed.get(seq);
            String problem = signatureProblem(key, row, witness, logPath);
            if (problem == null) {
                problem = chainProblem(row != null ? row : witness, headSeq, hashes.get(seq));
            }
            if (problem != null) {
                return new Result(checked, seq, problem);
            }
            checked++;
        }
        return new Result(checked, null, null);
    }

    private static String signatureProblem(CheckpointKey key, SignedCheckpoint row, SignedCheckpoint witness,
            Path logPath) {
        if (row != null && !key.verifies(row)) {
            return "checkpoint at entry " + row.seq() + " (signed at " + row.signedAt() + ") has a bad signature: "
                    + (key.keyId().equals(row.keyId())
                            ? "it does not fit the checkpoint's seq, hash and time, so the row was altered"
                            : "it names key " + row.keyId() + ", not this service's key " + key.keyId()
                                    + ", so the row was forged or the key file replaced");
        }
        if (witness != null && !key.verifies(witness)) {
            return "the checkpoint log " + logPath + " has a bad signature for entry " + witness.seq()
                    + ": the file was altered";
        }
        if (witness != null && row == null) {
            return "checkpoint at entry " + witness.seq() + " signed at " + witness.signedAt()
                    + " is in the checkpoint log " + logPath + " but not in the database: its row was deleted";
        }
        if (witness != null && !witness.sameAs(row)) {
            return "checkpoint at entry " + row.seq() + " in the database differs from the one signed at "
                    + witness.signedAt() + " in the checkpoint log " + logPath;
        }
        return null;
    }

    private static String chainProblem(SignedCheckpoint checkpoint, long headSeq, String hashNow) {
        String signed = "checkpoint at entry " + checkpoint.seq() + " signed at " + checkpoint.signedAt();
        if (checkpoint.seq() > headSeq) {
            return "the chain is shorter than " + signed + ": its head names entry " + headSeq
                    + ", so entries after it were removed and the head moved back";
        }
        if (hashNow == null) {
            return "entry " + checkpoint.seq() + ", signed by " + signed + ", is missing";
        }
        if (!hashNow.equals(checkpoint.headHash())) {
            return "entry " + checkpoint.seq() + " no longer has the hash " + signed + " names (signed "
                    + checkpoint.headHash() + ", now " + hashNow + "): the chain was rewritten";
        }
        return null;
    }

    private static Map<Long, SignedCheckpoint> bySeq(List<SignedCheckpoint> checkpoints) {
        // Two lines for one entry in the log would be two signings of it, which sign() never does;
        // the later one stands and is compared like any other.
        return checkpoints.stream().collect(Collectors.toMap(SignedCheckpoint::seq, Function.identity(), (a, b) -> b));
    }
}
