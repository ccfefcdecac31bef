package io.trucewatch.kafka;

import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A report that cannot be stored goes to the dead-letter topic exactly as it came (key, value and
 * headers), so that it can be fixed and produced again, with why and where from in headers.
 */
final class DeadLetters {

    /** The problem's field errors: {@code [{"field":..,"message":..}]} ({@code []} for a conflict). */
    static final String ERRORS = "trucewatch-errors";
    /** The whole problem (type, title, status, detail, errors): says what a conflict (409) was. */
    static final String PROBLEM = "trucewatch-problem";
    /** Where the report was read: {@code topic-partition@offset}. */
    static final String SOURCE = "trucewatch-source";

    private static final Set<String> OURS = Set.of(ERRORS, PROBLEM, SOURCE);

    private DeadLetters() {
    }

    static ProducerRecord<byte[], byte[]> of(String topic, ConsumerRecord<byte[], byte[]> refused,
            ProblemException reason) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, refused.key(), refused.value());
        for (Header header : refused.headers()) {
            if (!OURS.contains(header.key())) {
                letter.headers().add(header);
            }
        }
        Problem problem = reason.toProblem();
        letter.headers().add(ERRORS, utf8(CanonicalJson.write(problem.errors())));
        letter.headers().add(PROBLEM, utf8(CanonicalJson.write(problem)));
        letter.headers().add(SOURCE, utf8(source(refused)));
        return letter;
    }

    static String source(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
