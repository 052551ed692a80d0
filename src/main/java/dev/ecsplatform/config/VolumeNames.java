package dev.ecsplatform.config;

/**
 * The name of the task-scoped volume that makes a writable path writable.
 *
 * <p>It lives here, next to the config rules, because the loader must know it: two paths that give the
 * same name would become one volume (CloudFormation rejects a task definition with two volumes of the
 * same name), so the loader rejects them before any construct exists. The task definition names its
 * volumes with this function, so the check and the template cannot drift apart.
 */
public final class VolumeNames {

    private VolumeNames() {
    }

    /**
     * {@code /var/cache/nginx} becomes {@code var-cache-nginx}: the leading slash is dropped and every
     * character ECS does not allow in a volume name (letters, digits, {@code _} and {@code -} only) becomes
     * {@code -}. So {@code /var/cache} and {@code /var-cache} give the same name.
     *
     * @param path an absolute path, starting with {@code /}
     */
    public static String of(String path) {
        return path.substring(1).replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
