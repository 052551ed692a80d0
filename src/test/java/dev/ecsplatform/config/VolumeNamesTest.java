package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Volume names derived from writable paths, shared by the loader's collision check and the task definition. */
class VolumeNamesTest {

    @Test
    void dropsTheLeadingSlashAndReplacesWhatEcsDoesNotAllow() {
        assertThat(VolumeNames.of("/tmp")).isEqualTo("tmp");
        assertThat(VolumeNames.of("/var/cache/nginx")).isEqualTo("var-cache-nginx");
        assertThat(VolumeNames.of("/data.d/x_y")).isEqualTo("data-d-x_y");
    }
}
