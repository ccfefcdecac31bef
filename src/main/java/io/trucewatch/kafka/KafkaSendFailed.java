package io.trucewatch.kafka;

/** A record the broker did not acknowledge: whatever was being done with it is retried. */
class KafkaSendFailed extends RuntimeException {

    KafkaSendFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
