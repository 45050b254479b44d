package org.kdclaims.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The settings record and the README's settings table name the same keys, and a lookup is read once. */
class SettingsReadmeTest {

    @Test
    void everyKeyIsInTheReadmeTable() throws IOException {
        Path readme = Path.of(System.getProperty("kd.repo.root", ".."), "README.md");
        if (!Files.exists(readme)) {
            readme = Path.of("README.md");
        }
        String text = Files.readString(readme);
        String table = text.substring(text.indexOf("## Settings"), text.indexOf("## Writing a claim"));
        List<String> keys = new ArrayList<>(Settings.KEYS);
        keys.addAll(ScaleProfile.KEYS);
        assertThat(keys).allSatisfy(k -> assertThat(table).contains("`" + k + "`"));
    }

    @Test
    void aLookupGivesEverySetting() {
        Map<String, String> config = Map.of("kd.workers", "3", "kd.threads", "2", "kd.plan", "only", "kd.data", "real",
                "kd.scale", "ci", "kd.maxSeeds", "5", "kd.models.dir", "/tmp/m", "kd.cache", "read",
                "kd.teacherLogitCacheMb", "0", "kd.seedBase", "41");
        Settings s = Settings.from(k -> Optional.ofNullable(config.get(k)));
        assertThat(s.workers()).isEqualTo(3);
        assertThat(s.threads()).isEqualTo(2);
        assertThat(s.planOnly()).isTrue();
        assertThat(s.realData()).isTrue();
        assertThat(s.scale().name()).isEqualTo("ci");
        assertThat(s.scale().maxSeeds()).isEqualTo(5);
        assertThat(s.modelsDir()).isEqualTo("/tmp/m");
        assertThat(s.cachePolicy()).isEqualTo("read");
        assertThat(s.teacherLogitCacheMb()).isZero();
        assertThat(s.seedBase()).isEqualTo(41L);
    }
}
