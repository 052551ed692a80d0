package dev.ecsplatform.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryAttributes;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * Turns an image reference from the config into a CDK {@link ContainerImage}.
 *
 * <p>An image in a private ECR registry ({@code <account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>},
 * possibly another account's, such as a shared tools account) becomes an ECR image, so CDK grants the
 * execution role exactly the pull rights on that repository (plus {@code ecr:GetAuthorizationToken}, which
 * has no resource-level permissions). Given as a plain registry image, the task would fail to pull: CDK
 * only warns ({@code ecrImageRequiresPolicy}). A repository in another account also needs a repository
 * policy there that lets this account pull (docs/configuration.md). Anything else is pulled as written.
 */
public final class ContainerImages {

    /** {@code account.dkr.ecr.region.amazonaws.com[.cn]/repository[:tag][@sha256:digest]}. */
    private static final Pattern ECR = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([a-z0-9][a-z0-9._/-]*)(?::([\\w][\\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?");

    /**
     * An image and where it comes from.
     *
     * @param image   the image for a container definition
     * @param fromEcr whether it is pulled from a private ECR repository with the execution role's rights
     */
    public record Resolved(ContainerImage image, boolean fromEcr) {
    }

    private ContainerImages() {
    }

    /** The image for {@code reference}; an ECR repository handle, if any, is made in {@code scope}. */
    public static Resolved resolve(Construct scope, String reference) {
        Matcher ecr = ECR.matcher(reference);
        if (!ecr.matches()) {
            return new Resolved(ContainerImage.fromRegistry(reference), false);
        }
        // The stack's own partition: an image is pulled within it (aws, aws-cn, aws-us-gov alike).
        String partition = Stack.of(scope).getPartition();
        String repositoryName = ecr.group(3);
        IRepository repository = Repository.fromRepositoryAttributes(scope, "ImageRepository", RepositoryAttributes.builder()
                .repositoryArn("arn:" + partition + ":ecr:" + ecr.group(2) + ":" + ecr.group(1) + ":repository/" + repositoryName)
                .repositoryName(repositoryName)
                .build());
        // A digest pins the image even when a tag is written next to it, so the digest wins.
        String tagOrDigest = ecr.group(5) != null ? ecr.group(5) : ecr.group(4) != null ? ecr.group(4) : "latest";
        return new Resolved(ContainerImage.fromEcrRepository(repository, tagOrDigest), true);
    }
}
