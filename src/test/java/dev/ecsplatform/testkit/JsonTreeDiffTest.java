package dev.ecsplatform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The golden-file differ names changed paths, so a failing golden test reads like a review comment. */
class JsonTreeDiffTest {

    private static JsonNode json(String text) throws Exception {
        return GoldenTemplates.JSON.readTree(text);
    }

    @Test
    void equalTreesHaveNoDifferences() throws Exception {
        assertThat(JsonTreeDiff.diff(json("{\"a\":[1,{\"b\":2}]}"), json("{\"a\":[1,{\"b\":2}]}"))).isEmpty();
    }

    @Test
    void namesChangedAddedAndRemovedPaths() throws Exception {
        assertThat(JsonTreeDiff.diff(json("{\"R\":{\"Port\":80,\"Old\":1}}"), json("{\"R\":{\"Port\":8080,\"New\":2}}")))
                .containsExactly("+ R.New (added): 2", "- R.Old (removed): 1", "~ R.Port: 80 -> 8080");
    }

    @Test
    void namesListItemsThatAppearedOrWentAway() throws Exception {
        assertThat(JsonTreeDiff.diff(json("{\"S\":[\"a\",\"b\"]}"), json("{\"S\":[\"a\",\"b\",\"c\"]}")))
                .containsExactly("+ S[] (added): \"c\"");
    }

    @Test
    void normalizesAssetHashesOnly() throws Exception {
        String hash = "a".repeat(64);
        assertThat(GoldenTemplates.normalizeTree(json("{\"S3Key\":\"" + hash + ".zip\",\"Short\":\"abc\"}")))
                .isEqualTo(json("{\"S3Key\":\"<asset-hash>.zip\",\"Short\":\"abc\"}"));
    }
}
