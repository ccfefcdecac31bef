package io.trucewatch.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This process's name among several instances on one database: who holds a lease on shared
 * work (an import job) is written as this name. Configurable ({@code trucewatch.instance-name});
 * by default host, process id and a random part, so that a restarted process is a new holder and
 * never mistakes an older process's lease for its own.
 */
@ApplicationScoped
public class InstanceName {

    private final String name;

    InstanceName(@ConfigProperty(name = "trucewatch.instance-name") Optional<String> configured) {
        name = configured.filter(n -> !n.isBlank()).map(String::strip).orElseGet(InstanceName::generated);
    }

    public String get() {
        return name;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
