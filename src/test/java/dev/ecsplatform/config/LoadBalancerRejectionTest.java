package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader rejects about load balancers: HTTPS certificates, who may connect, web ACLs, and routes
 * two services would share. Each test writes the whole environment file, so line and column can be counted.
 */
class LoadBalancerRejectionTest {

    private static final String CERTIFICATE = ConfigTestFiles.CERTIFICATE;

    @TempDir
    Path directory;

    private ConfigTestFiles files;

    @BeforeEach
    void writeBase() {
        files = new ConfigTestFiles(directory).base(ConfigTestFiles.ACCOUNT_ONLY_BASE);
    }

    // ---- certificates --------------------------------------------------------------------------

    @Test
    void servesHttpsWithCertificatesAndPlainHttpWithout() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  secure: { allowFrom: [0.0.0.0/0], certificates: ["%s"] }
                  plain: { allowFrom: [0.0.0.0/0] }
                """.formatted(CERTIFICATE));

        EnvironmentConfig dev = files.load("dev");

        assertThat(dev.loadBalancers().get("secure").https()).isTrue();
        assertThat(dev.loadBalancers().get("secure").httpsPort()).isEqualTo(443);
        assertThat(dev.loadBalancers().get("secure").tlsPolicy()).isEqualTo(TlsPolicy.TLS13_1_2);
        assertThat(dev.loadBalancers().get("plain").https()).isFalse();
    }

    @Test
    void prodRequiresACertificateOnEveryLoadBalancer() {
        files.environment("prod", """
                tier: prod
                loadBalancers:
                  public: { allowFrom: [0.0.0.0/0] }
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:3:3 loadBalancers.public.certificates: is required in "
                + "prod: prod serves HTTPS only, so give the ACM certificate ARNs of the load balancer's host names "
                + "(arn:aws:acm:eu-west-1:123456789012:certificate/<id>); plain HTTP is for dev and test");
    }

    @Test
    void rejectsACertificateArnOfTheWrongShapeRegionOrAccountAndOneListedTwice() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public:
                    allowFrom: [0.0.0.0/0]
                    certificates:
                      - arn:aws:acm:eu-west-1:123456789012:certificate/not-a-uuid
                """).environment("test", """
                tier: test
                loadBalancers:
                  public:
                    allowFrom: [0.0.0.0/0]
                    certificates:
                      - arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555
                      - arn:aws:acm:eu-west-1:999999999999:certificate/11111111-2222-3333-4444-555555555555
                      - %s
                      - %s
                """.formatted(CERTIFICATE, CERTIFICATE));

        assertThat(files.problems()).containsExactly(
                "dev.yaml:6:7 loadBalancers.public.certificates: 'arn:aws:acm:eu-west-1:123456789012:certificate/not-a-uuid' "
                        + "is not an ACM certificate ARN; use arn:aws:acm:<region>:<account>:certificate/<id>",
                "test.yaml:6:7 loadBalancers.public.certificates: 'arn:aws:acm:us-east-1:123456789012:certificate/"
                        + "11111111-2222-3333-4444-555555555555' is an ACM certificate in us-east-1, not in the environment's "
                        + "region eu-west-1; ACM certificates are regional and a load balancer can use only its own account's",
                "test.yaml:6:7 loadBalancers.public.certificates: 'arn:aws:acm:eu-west-1:999999999999:certificate/"
                        + "11111111-2222-3333-4444-555555555555' is an ACM certificate of account 999999999999, not of the "
                        + "environment's account 123456789012; ACM certificates are regional and a load balancer can use only "
                        + "its own account's",
                "test.yaml:6:7 loadBalancers.public.certificates: '" + CERTIFICATE + "' is listed twice");
    }

    @Test
    void rejectsOnePortForBothListeners() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public: { allowFrom: [0.0.0.0/0], certificates: ["%s"], httpsPort: 80 }
                """.formatted(CERTIFICATE));

        assertThat(files.problems()).containsExactly("dev.yaml:3:151 loadBalancers.public.httpsPort: the HTTP and HTTPS "
                + "listeners cannot share port 80; give each its own (80 and 443 by default)");
    }

    // ---- who may connect -----------------------------------------------------------------------

    @Test
    void anInternetFacingLoadBalancerSaysWhoMayConnect() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public: {}
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:3:3 loadBalancers.public.allowFrom: is required for an "
                + "internet-facing load balancer: say who may connect, [0.0.0.0/0] for the whole internet or the CIDR "
                + "blocks and prefix lists of your clients (nothing is open to the world unless the environment says so)");
    }

    @Test
    void anInternalLoadBalancerAdmitsTheVpcByDefault() {
        files.environment("dev", """
                tier: dev
                network: { cidr: 10.42.0.0/16 }
                loadBalancers:
                  private: { scheme: internal }
                """);

        assertThat(files.load("dev").loadBalancers().get("private").allowFrom()).containsExactly("10.42.0.0/16");
    }

    @Test
    void rejectsSourcesThatAreNoCidrOrPrefixListAndCidrsWithHostBits() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public:
                    allowFrom: [office, 203.0.113.7/24, 300.0.0.0/8, pl-0123456789abcdef0]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:4:16 loadBalancers.public.allowFrom: 'office' is not a CIDR block or prefix list; use an IPv4 "
                        + "CIDR block such as 203.0.113.0/24, 0.0.0.0/0 for the whole internet, or a managed prefix list ID "
                        + "such as pl-0123456789abcdef0");
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public:
                    allowFrom: [203.0.113.7/24, 300.0.0.0/8, pl-0123456789abcdef0]
                """);
        assertThat(files.problems()).containsExactly(
                "dev.yaml:4:16 loadBalancers.public.allowFrom: '203.0.113.7/24' has host bits set; the network address of "
                        + "this block is 203.0.113.0/24",
                "dev.yaml:4:16 loadBalancers.public.allowFrom: '300.0.0.0/8' is not an IPv4 CIDR block; each of the four "
                        + "numbers is 0 to 255");
    }

    // ---- web ACL -------------------------------------------------------------------------------

    @Test
    void rejectsAWebAclOfTheWrongShapeOrRegion() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  a: { allowFrom: [0.0.0.0/0], webAcl: "arn:aws:wafv2:eu-west-1:123456789012:global/webacl/edge/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }
                  b: { allowFrom: [0.0.0.0/0], webAcl: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:40 loadBalancers.a.webAcl: 'arn:aws:wafv2:eu-west-1:123456789012:global/webacl/edge/"
                        + "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' is not a regional WAFv2 web ACL ARN; use "
                        + "arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>",
                "dev.yaml:4:40 loadBalancers.b.webAcl: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/"
                        + "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' is a web ACL in us-east-1, not in the environment's region "
                        + "eu-west-1; a regional web ACL protects only resources of its own account and region");
    }

    // ---- routes two services would share ---------------------------------------------------------

    @Test
    void rejectsTheSamePathForTheSameHostOnTwoServicesAndNamesBoth() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { public: { allowFrom: [0.0.0.0/0] } }
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public, priority: 10, paths: [/api/*, /], hosts: [a.example.com] } }
                  api:
                    image: api
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public, priority: 20, paths: [/api/*], hosts: [a.example.com, b.example.com] } }
                  docs:
                    image: docs
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public, priority: 30, paths: [/api/*], hosts: [c.example.com] } }
                """);

        // THEN api collides with web on a.example.com; docs, on another host, collides with nobody
        assertThat(files.problems()).containsExactly("dev.yaml:13:66 services.api.traffic.alb.paths: '/api/*' for host "
                + "a.example.com is also routed to service 'web' (dev.yaml:8:66) on load balancer 'public'; the rule with "
                + "the lower priority would take every such request, so give the two services different paths or hosts");
    }

    @Test
    void rejectsARouteForAnyHostThatWinsOverAHostSpecificOneButAllowsTheOverride() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { public: { allowFrom: [0.0.0.0/0] } }
                services:
                  catchall: { image: a, port: 8080, user: "1000", traffic: { alb: { loadBalancer: public, priority: 5, paths: [/api/*] } } }
                  special: { image: b, port: 8080, user: "1000", traffic: { alb: { loadBalancer: public, priority: 9, paths: [/api/*], hosts: [x.example.com] } } }
                  override: { image: c, port: 8080, user: "1000", traffic: { alb: { loadBalancer: public, priority: 1, paths: [/api/*], hosts: [y.example.com] } } }
                """);

        // THEN only the shadowed route is reported; a host-specific route with the lower number is an override
        assertThat(files.problems()).containsExactly("dev.yaml:5:110 services.special.traffic.alb.paths: '/api/*' for any "
                + "host (service 'catchall', priority 5) takes every request for x.example.com from service 'special' "
                + "(priority 9) on load balancer 'public'; give the host-specific route the lower priority number");
    }

    @Test
    void rejectsOneHostOnTwoLoadBalancersOfOneZone() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  a: { allowFrom: [0.0.0.0/0], hostedZone: { id: Z0123456789ABCDEFGHIJ, name: example.com } }
                  b: { allowFrom: [0.0.0.0/0], hostedZone: { id: Z0123456789ABCDEFGHIJ, name: example.com } }
                services:
                  one: { image: a, port: 8080, user: "1000", traffic: { alb: { loadBalancer: a, hosts: [www.example.com] } } }
                  two: { image: b, port: 8080, user: "1000", traffic: { alb: { loadBalancer: b, hosts: [www.example.com] } } }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:88 services.two.traffic.alb.hosts: 'www.example.com' "
                + "already gets its alias record for load balancer 'a' in hosted zone example.com; a name can point at one "
                + "load balancer, so route this host there or use another name");
    }

    @Test
    void rejectsTlsSettingsOnAPassThroughListenerAndAPathOnATcpCheck() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { edge: { type: network, allowFrom: [0.0.0.0/0] } }
                services:
                  tcp: { image: a, port: 8080, user: "1000", traffic: { nlb: { loadBalancer: edge, port: 80, tlsPolicy: ELBSecurityPolicy-TLS13-1-3-2021-06, healthCheck: { path: /health } } } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:4:105 services.tcp.traffic.nlb.tlsPolicy: is only for protocol tls; remove it",
                "dev.yaml:4:163 services.tcp.traffic.nlb.healthCheck.path: is only for protocol: http; a tcp check opens a "
                        + "connection and sends nothing");
    }

    @Test
    void everyKindOfTrafficNeedsTheContainerPortAndItIsReportedOnceForTheFirstKind() {
        files.environment("dev", """
                tier: dev
                cluster: { serviceConnect: true }
                loadBalancers: { edge: { type: network, allowFrom: [0.0.0.0/0] } }
                services:
                  tcp: { image: a, user: "1000", traffic: { nlb: { loadBalancer: edge, port: 80 }, connect: {} } }
                  named: { image: b, user: "1000", traffic: { connect: {} } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:5:3 services.tcp.port: is required with traffic.nlb (dev.yaml:5:50); set it to the port the "
                        + "container listens on, 1 to 65535",
                "dev.yaml:6:3 services.named.port: is required with traffic.connect (dev.yaml:6:56); set it to the port "
                        + "the container listens on, which clients call");
    }

    @Test
    void rejectsAClientSourceWithAPrefixLongerThan32() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { public: { allowFrom: [203.0.113.0/33] } }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:2:39 loadBalancers.public.allowFrom: '203.0.113.0/33' "
                + "has a /33 prefix; use /0 to /32");
    }

    @Test
    void rejectsAnNlbHealthCheckTimeoutNotBelowTheInterval() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { edge: { type: network, allowFrom: [0.0.0.0/0] } }
                services:
                  tcp: { image: a, port: 8080, user: "1000", traffic: { nlb: { loadBalancer: edge, port: 80, healthCheck: { intervalSeconds: 5 } } } }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:4:126 services.tcp.traffic.nlb.healthCheck.intervalSeconds: "
                + "timeoutSeconds (5) must be less than intervalSeconds (5)");
    }

    @Test
    void acceptsTheSamePathOnTwoLoadBalancers() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { public: { allowFrom: [0.0.0.0/0] }, private: { scheme: internal } }
                services:
                  web: { image: nginx, port: 8080, user: "1000", traffic: { alb: { loadBalancer: public } } }
                  api: { image: api, port: 8080, user: "1000", traffic: { alb: { loadBalancer: private } } }
                """);

        assertThat(files.load("dev").services()).hasSize(2);
    }

    @Test
    void rejectsASlowStartElbDoesNotAccept() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { public: { allowFrom: [0.0.0.0/0] } }
                services:
                  web: { image: nginx, port: 8080, user: "1000", traffic: { alb: { loadBalancer: public, slowStartSeconds: 10 } } }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:4:108 services.web.traffic.alb.slowStartSeconds: 10 is not "
                + "a slow start ELB accepts; use 0 (off) or 30 to 900 seconds");
    }

    // ---- DNS records ---------------------------------------------------------------------------

    @Test
    void rejectsAHostedZoneOfTheWrongShapeAndHostsOutsideItOrWithAWildcardDnsCannotHold() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public: { allowFrom: [0.0.0.0/0], hostedZone: { id: Z0123456789ABCDEFGHIJ, name: example.com } }
                  other: { allowFrom: [0.0.0.0/0], hostedZone: { id: zone-1, name: Example.com. } }
                services:
                  web: { image: nginx, port: 8080, user: "1000", traffic: { alb: { loadBalancer: public, hosts: [www.example.org, "w?w.example.com", "api.*.example.com", "*.example.com"] } } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:4:54 loadBalancers.other.hostedZone.id: 'zone-1' is not a hosted zone ID; use Z followed by "
                        + "upper-case letters and digits, e.g. Z0123456789ABCDEFGHIJ",
                "dev.yaml:4:68 loadBalancers.other.hostedZone.name: 'Example.com.' is not a domain name; use lower-case "
                        + "labels separated by dots, without the trailing dot, e.g. example.com",
                "dev.yaml:6:97 services.web.traffic.alb.hosts: 'www.example.org' is not in hosted zone example.com of load "
                        + "balancer 'public', which writes an alias record for every host; use a host under example.com, or "
                        + "route this one on a load balancer without hostedZone",
                "dev.yaml:6:97 services.web.traffic.alb.hosts: 'w?w.example.com' cannot be a DNS record name; a wildcard "
                        + "record is * as the whole first label, such as *.example.com",
                "dev.yaml:6:97 services.web.traffic.alb.hosts: 'api.*.example.com' cannot be a DNS record name; a "
                        + "wildcard record is * as the whole first label, such as *.example.com");
    }

    @Test
    void aTestListenerHasAPortOfItsOwnAndIsNotOpenToTheWorld() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public: { allowFrom: [0.0.0.0/0], testListener: { port: 80, allowFrom: [0.0.0.0/0] } }
                  other: { allowFrom: [0.0.0.0/0], testListener: { port: 8443 } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:59 loadBalancers.public.testListener.port: 80 is already a port of this load balancer's "
                        + "listeners; give the test listener its own, e.g. 8443",
                "dev.yaml:3:74 loadBalancers.public.testListener.allowFrom: must not be 0.0.0.0/0: a test listener serves "
                        + "versions not yet released; list the CIDR blocks or prefix lists of your testers",
                "dev.yaml:4:36 loadBalancers.other.testListener.allowFrom: is required; set it to the CIDR blocks or prefix "
                        + "lists of the testers, e.g. [203.0.113.0/24]");
    }

    // ---- network load balancers ------------------------------------------------------------------

    @Test
    void rejectsApplicationSettingsOnANetworkLoadBalancerAndTheWrongTypeForEachVariant() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  edge: { type: network, allowFrom: [0.0.0.0/0], httpPort: 8080 }
                  public: { allowFrom: [0.0.0.0/0] }
                services:
                  web: { image: nginx, port: 8080, user: "1000", traffic: { alb: { loadBalancer: edge } } }
                  tcp: { image: nginx, port: 8080, user: "1000", traffic: { nlb: { loadBalancer: public, port: 80 } } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:60 loadBalancers.edge.httpPort: is a setting of application load balancers; a network load "
                        + "balancer has a listener per service, whose port, protocol and certificates are set under "
                        + "services.<name>.traffic.nlb",
                "dev.yaml:6:82 services.web.traffic.alb.loadBalancer: 'edge' is a network load balancer; alb needs one of "
                        + "type application: public",
                "dev.yaml:7:82 services.tcp.traffic.nlb.loadBalancer: 'public' is an application load balancer; nlb needs "
                        + "one of type network: edge");
    }

    @Test
    void rejectsAUdpListenerWithoutAHealthCheckPortTlsWithoutCertificatesAndTwoListenersOnOnePort() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  edge: { type: network, allowFrom: [0.0.0.0/0] }
                services:
                  dns: { image: dns, port: 53, user: "1000", traffic: { nlb: { loadBalancer: edge, port: 53, protocol: udp } } }
                  tls: { image: api, port: 8443, user: "1000", traffic: { nlb: { loadBalancer: edge, port: 443, protocol: tls } } }
                  tcp: { image: api, port: 8080, user: "1000", traffic: { nlb: { loadBalancer: edge, port: 443, certificates: ["%s"] } } }
                """.formatted(CERTIFICATE));

        assertThat(files.problems()).containsExactly(
                "dev.yaml:5:57 services.dns.traffic.nlb.healthCheck.port: is required with protocol udp: the load balancer "
                        + "checks a UDP target over TCP or HTTP, so give the container port that answers it",
                "dev.yaml:6:59 services.tls.traffic.nlb.certificates: is required with protocol tls: give the ACM certificate "
                        + "ARNs the listener presents (arn:aws:acm:eu-west-1:123456789012:certificate/<id>)",
                "dev.yaml:7:92 services.tcp.traffic.nlb.port: 443 is already the listener port of service 'tls' on load "
                        + "balancer 'edge'; a network load balancer has one listener per port, so give each listener its own",
                "dev.yaml:7:111 services.tcp.traffic.nlb.certificates: is set but protocol is tcp, which passes traffic "
                        + "through without terminating TLS; use protocol: tls, or remove certificates");
    }

    // ---- Service Connect -------------------------------------------------------------------------

    @Test
    void publishingNeedsServiceConnectInTheClusterAndANameOfItsOwn() {
        files.environment("dev", """
                tier: dev
                services:
                  a: { image: a, port: 8080, user: "1000", traffic: { connect: {} } }
                """).environment("test", """
                tier: test
                cluster: { serviceConnect: true }
                services:
                  a: { image: a, port: 8080, user: "1000", traffic: { connect: { name: orders } } }
                  b: { image: b, port: 8080, user: "1000", traffic: { connect: { name: orders } } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:64 services.a.traffic.connect: needs Service Connect in the cluster: set cluster.serviceConnect: "
                        + "true (every service then joins the namespace as a client), or reach this service through a load balancer",
                "test.yaml:5:72 services.b.traffic.connect.name: 'orders' is already the Service Connect name of service 'a'; "
                        + "give each service its own");
    }

    @Test
    void printConfigSaysWhichLoadBalancersServePlainHttp() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public: { allowFrom: [0.0.0.0/0] }
                  secure: { allowFrom: [0.0.0.0/0], certificates: ["%s"] }
                """.formatted(CERTIFICATE));

        List<String> lines = EffectiveConfig.toYaml(files.load("dev")).lines().toList();

        assertThat(lines).contains("# loadBalancers.public serves plain HTTP: it has no certificates (allowed outside prod)")
                .noneMatch(line -> line.startsWith("# loadBalancers.secure"));
    }

    @Test
    void rejectsAnNlbTestListenerOnAnotherListenersPortOrOpenToTheWorld() {
        // GIVEN a test listener open to the whole internet, a test listener on another service's listener port, and a
        // listener on another service's test listener port
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  edge: { type: network, allowFrom: [0.0.0.0/0] }
                services:
                  a: { image: api, port: 8080, user: "1000", deployment: { blueGreen: {} }, traffic: { nlb: { loadBalancer: edge, port: 80, testListener: { port: 81, allowFrom: [0.0.0.0/0] } } } }
                  b: { image: api, port: 8080, user: "1000", deployment: { blueGreen: {} }, traffic: { nlb: { loadBalancer: edge, port: 90, testListener: { port: 80, allowFrom: [203.0.113.0/24] } } } }
                  c: { image: api, port: 8080, user: "1000", traffic: { nlb: { loadBalancer: edge, port: 81 } } }
                """);

        // THEN the second listener on a port is the one reported, naming which listener of which service has it
        assertThat(files.problems()).containsExactly(
                "dev.yaml:5:162 services.a.traffic.nlb.testListener.allowFrom: must not be 0.0.0.0/0: a test listener "
                        + "serves versions not yet released; list the CIDR blocks or prefix lists of your testers",
                "dev.yaml:6:147 services.b.traffic.nlb.testListener.port: 80 is already the listener port of service 'a' "
                        + "on load balancer 'edge'; a network load balancer has one listener per port, so give each "
                        + "listener its own",
                "dev.yaml:7:90 services.c.traffic.nlb.port: 81 is already the test listener port of service 'a' on "
                        + "load balancer 'edge'; a network load balancer has one listener per port, so give each listener "
                        + "its own");
    }
}
