package dev.ecsplatform.config;

/**
 * What more than one config field shares: value patterns, each with the words that say what it allows, and
 * defaults (the fast-deploy timings of ALB and NLB target groups). Written once, so two fields that take the
 * same kind of value can never drift apart. Compile-time constants, as the annotations of the records
 * ({@link Matches}, {@link KeysMatch}, {@link Default}) need.
 */
final class CommonFieldValues {

    private CommonFieldValues() {
    }

    /** Environment, service and load balancer names: parts of stack, target group and tag names. */
    static final String NAME = "[a-z][a-z0-9-]{0,19}";
    static final String NAME_ALLOWED = "1 to 20 lower-case letters, digits and hyphens, starting with a letter";

    /** ECS's rule for task definition families and container names. */
    static final String ECS_NAME = "[A-Za-z0-9_-]{1,255}";
    static final String ECS_NAME_ALLOWED = "1 to 255 letters, digits, hyphens and underscores";

    /** What a shell can use as a variable name: environment variables and secrets. */
    static final String VARIABLE_NAME = "[A-Za-z_][A-Za-z0-9_]*";
    static final String VARIABLE_NAME_ALLOWED = "letters, digits and underscores, not starting with a digit";

    static final String ACM_CERTIFICATE_ARN = "arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}";
    static final String ACM_CERTIFICATE_ARN_ALLOWED = "arn:aws:acm:<region>:<account>:certificate/<id>";

    /** A Lambda function, unqualified or with a version or alias (Lambda API reference, FunctionName). */
    static final String LAMBDA_FUNCTION_ARN = "arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?";
    static final String LAMBDA_FUNCTION_ARN_ALLOWED = "arn:aws:lambda:<region>:<account>:function:<name>, optionally "
            + "followed by :<version> or :<alias>";

    static final String SUBNET_ID = "subnet-([0-9a-f]{8}|[0-9a-f]{17})";
    static final String SUBNET_ID_ALLOWED = "subnet- followed by 8 or 17 lower-case hex digits, e.g. subnet-0123456789abcdef0";

    /** An IPv4 CIDR block or a managed prefix list: who may connect to a listener. */
    static final String CLIENT_SOURCE = "[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}|pl-[0-9a-f]{8,17}";

    /** A health-check path: literal in a shell word (the container check) and valid in a URL path. */
    static final String HEALTH_CHECK_PATH = "/[A-Za-z0-9._~/%-]*";
    static final String HEALTH_CHECK_PATH_ALLOWED = "a path that starts with / and has only letters, digits and . _ ~ / % -";

    /** ELB's recommended TLS policy, the default of every TLS listener. */
    static final String DEFAULT_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /**
     * The fast-deploy timings of every target group (docs/configuration.md, "Fast-deploy defaults"): a stopping
     * task drains for 30 s instead of ELB's 300, and a new one takes traffic after 2 checks 10 s apart.
     */
    static final String DEREGISTRATION_DELAY_SECONDS = "30";
    static final String HEALTH_CHECK_INTERVAL_SECONDS = "10";
    static final String HEALTH_CHECK_TIMEOUT_SECONDS = "5";
    static final String HEALTH_CHECK_THRESHOLD = "2";
}
