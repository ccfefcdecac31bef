package io.trucewatch.rulesets;

import io.trucewatch.audit.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Keeps every ruleset version ever used, content-addressed, so verdicts can be reproduced. */
@ApplicationScoped
public class RulesetStore {

    /** Stores the snapshot's files unless its version is already stored; says whether it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(RulesetSnapshot snapshot) {
        if (StoredRulesetVersion.findById(snapshot.version()) != null) {
            return false;
        }
        StoredRulesetVersion version = new StoredRulesetVersion();
        version.version = snapshot.version();
        version.firstUsedAt = Instant.now();
        version.fileCount = snapshot.files().size();
        version.persist();
        snapshot.files().forEach((path, content) -> {
            String sha = CanonicalJson.sha256Hex(content);
            if (StoredBlob.findById(sha) == null) {
                StoredBlob blob = new StoredBlob();
                blob.sha256 = sha;
                blob.content = content;
                blob.persist();
            }
            StoredRulesetFile file = new StoredRulesetFile();
            file.version = snapshot.version();
            file.path = path;
            file.sha256 = sha;
            file.persist();
        });
        return true;
    }

    /** The files of a stored version, or null if the version was never used. */
    @Transactional
    public RulesetSnapshot load(String version) {
        if (StoredRulesetVersion.findById(version) == null) {
            return null;
        }
        Map<String, String> files = new TreeMap<>();
        for (StoredRulesetFile file : StoredRulesetFile.<StoredRulesetFile>list("version", version)) {
            files.put(file.path, StoredBlob.<StoredBlob>findById(file.sha256).content);
        }
        return new RulesetSnapshot(files);
    }
}
