package dev.ecsplatform.loadbalancing;

import dev.ecsplatform.config.TlsPolicy;
import software.amazon.awscdk.services.ec2.IPeer;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;

/**
 * How the listeners of both load balancer types turn the config's client sources and TLS policy into CDK
 * values: one place, so an ALB's and an NLB's rules and TLS read the same.
 */
public final class ClientSources {

    /** The source that opens a listener to the whole internet, which an environment must write out. */
    public static final String ANYWHERE = "0.0.0.0/0";

    private ClientSources() {
    }

    /** A CIDR block or a managed prefix list ({@code pl-...}) as a security-group peer. */
    public static IPeer peer(String source) {
        return isPrefixList(source) ? Peer.prefixList(source) : Peer.ipv4(source);
    }

    public static boolean isPrefixList(String source) {
        return source.startsWith("pl-");
    }

    /** The source as a rule description says it. */
    public static String describe(String source) {
        return source.equals(ANYWHERE) ? "the internet" : source;
    }

    /** The ELB security policy of a TLS or HTTPS listener. */
    public static SslPolicy sslPolicy(TlsPolicy policy) {
        return switch (policy) {
            case TLS13_1_2 -> SslPolicy.RECOMMENDED_TLS;
            case TLS13_1_3 -> SslPolicy.TLS13_13;
        };
    }
}
