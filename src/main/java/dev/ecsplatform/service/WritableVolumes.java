package dev.ecsplatform.service;

import dev.ecsplatform.config.VolumeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ecs.CfnTaskDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerDependency;
import software.amazon.awscdk.services.ecs.ContainerDependencyCondition;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.ecs.Volume;
import software.constructs.Construct;

/**
 * Makes the writable paths of a read-only container writable by the container's own (non-root) user.
 *
 * <p>Each path is an empty task-scoped volume. ECS creates such a volume owned by root with mode 0755
 * (ECS developer guide, "Bind mounts"), so a container running as UID 101 could not write to it and would
 * exit at start. tmpfs mounts would avoid that but Fargate does not support them. As AWS suggests
 * (containers-roadmap #938), a small non-essential init container runs first, as root, and opens each
 * volume the way {@code /tmp} is opened ({@code chmod 1777}: everyone may write, only owners may delete);
 * the app container starts only after it exited with status 0. See ADR 0006.
 *
 * <p>The init container is the only container that runs as root. Control Tower CT.ECS.PR.3 flags it, so
 * the task definition carries an exception for that control and that container alone, with its reason,
 * which the cfn-guard gate reads ({@link #GUARD_EXCEPTIONS_METADATA}); every essential container still must
 * name a non-root user.
 */
public final class WritableVolumes extends Construct {

    /** The init container's name, as logs and {@code describe-tasks} show it. */
    public static final String INIT_CONTAINER_NAME = "prepare-writable-paths";

    /**
     * BusyBox 1.37.0 from the ECR Public mirror of Docker's official images (no Docker Hub pull limits),
     * pinned by the digest of its multi-platform image index, so it runs on x86_64 and ARM64 tasks alike and a
     * re-tag upstream cannot change what runs as root here.
     */
    public static final String INIT_IMAGE =
            "public.ecr.aws/docker/library/busybox:1.37.0@sha256:9532d8c39891ca2ecde4d30d7710e01fb739c87a8b9299685c63704296b16028";

    /**
     * The init container's hard memory limit (CT.ECS.PR.7), taken out of the app container's share; chmod in
     * BusyBox needs a few hundred KiB.
     */
    public static final int INIT_CONTAINER_MEMORY_MIB = 32;

    /** Where the init container mounts the volumes: {@code /volumes/<volume name>}. */
    private static final String MOUNT_ROOT = "/volumes/";

    /** Template metadata key under which a task definition lists its reasoned cfn-guard exceptions. */
    public static final String GUARD_EXCEPTIONS_METADATA = "ecsplatform:guardExceptions";

    /**
     * Inputs.
     *
     * @param taskDefinition the task definition to add volumes and the init container to
     * @param app            the container whose paths must be writable; it waits for the init container
     * @param paths          the absolute paths that stay writable
     * @param logging        where the init container logs
     */
    public record Props(TaskDefinition taskDefinition, ContainerDefinition app, List<String> paths, LogDriver logging) {
        public Props {
            paths = List.copyOf(paths);
        }
    }

    private final ContainerDefinition initContainer;

    public WritableVolumes(Construct scope, String id, Props props) {
        super(scope, id);
        List<String> command = new ArrayList<>(List.of("chmod", "1777"));
        List<MountPoint> initMounts = new ArrayList<>();
        for (String path : props.paths()) {
            String volumeName = VolumeNames.of(path);
            props.taskDefinition().addVolume(Volume.builder().name(volumeName).build());
            props.app().addMountPoints(MountPoint.builder().sourceVolume(volumeName).containerPath(path).readOnly(false).build());
            initMounts.add(MountPoint.builder().sourceVolume(volumeName).containerPath(MOUNT_ROOT + volumeName).readOnly(false).build());
            command.add(MOUNT_ROOT + volumeName);
        }
        this.initContainer = props.taskDefinition().addContainer("Init", ContainerDefinitionOptions.builder()
                .containerName(INIT_CONTAINER_NAME)
                .image(ContainerImage.fromRegistry(INIT_IMAGE))
                .essential(false)
                // Root is what this container is for: only root may change the mode of a root-owned directory.
                .user("0")
                // No shell: BusyBox's image has no entry point, so the command is chmod itself, with volume names
                // that are letters, digits, - and _ only.
                .command(command)
                .readonlyRootFilesystem(true)
                .privileged(false)
                .memoryLimitMiB(INIT_CONTAINER_MEMORY_MIB)
                .logging(props.logging())
                .build());
        initContainer.addMountPoints(initMounts.toArray(MountPoint[]::new));
        props.app().addContainerDependencies(ContainerDependency.builder()
                .container(initContainer)
                .condition(ContainerDependencyCondition.SUCCESS)
                .build());
        ((CfnTaskDefinition) props.taskDefinition().getNode().getDefaultChild()).addMetadata(GUARD_EXCEPTIONS_METADATA,
                List.of(Map.of(
                        "control", "CT.ECS.PR.3",
                        "container", INIT_CONTAINER_NAME,
                        "reason", "Runs as root for a second before the app starts, only to make the app's empty scratch volumes "
                                + "writable (ECS creates them root-owned, mode 0755); it is non-essential, read-only, unprivileged, "
                                + "pinned by digest, runs no shell, and the app container starts only after it succeeded.")));
    }

    /** The init container. */
    public ContainerDefinition initContainer() {
        return initContainer;
    }
}
