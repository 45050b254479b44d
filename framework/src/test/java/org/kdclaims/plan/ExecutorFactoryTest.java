package org.kdclaims.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kdclaims.config.Settings;

/** kd.executor picks the executor; the framework alone knows only the local one and says how to get another. */
class ExecutorFactoryTest {

    private static Settings settings(Map<String, String> values) {
        return Settings.from(k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void localIsTheDefaultWithTheSettingsWorkersAndThreads() {
        Executor e = ExecutorFactory.forSettings(settings(Map.of("kd.workers", "3", "kd.threads", "2")));
        assertThat(e).isInstanceOfSatisfying(LocalExecutor.class, l -> {
            assertThat(l.workers()).isEqualTo(3);
            assertThat(l.threads()).isEqualTo(2);
        });
    }

    @Test
    void sparkWithoutItsModuleSaysWhichDependencyToAdd() {
        // the framework's own tests have no executor module on the class path
        assertThatThrownBy(() -> ExecutorFactory.forSettings(settings(Map.of("kd.executor", "spark"))))
                .hasMessageContaining("kd.executor=spark").hasMessageContaining("org.kdclaims:kd-claims-spark")
                .hasMessageContaining("found none");
    }

    @Test
    void anUnknownExecutorIsRefusedByTheSettings() {
        assertThatThrownBy(() -> settings(Map.of("kd.executor", "slurm")))
                .hasMessageContaining("-Dkd.executor=slurm").hasMessageContaining("local").hasMessageContaining("spark");
    }

    @Test
    void theSparkMasterDefaultsToLocalModeWithTheLocalExecutorsCores() {
        Settings s = settings(Map.of("kd.workers", "3", "kd.threads", "2"));
        assertThat(s.executor()).isEqualTo("local");
        assertThat(s.sparkMaster()).isEqualTo("local[6]");
        assertThat(settings(Map.of("kd.spark.master", "spark://h:7077")).sparkMaster()).isEqualTo("spark://h:7077");
    }

    @Test
    void anotherJvmReadsTheSameSettingsFromTheValuesHandedToIt() {
        Settings s = settings(Map.of("kd.workers", "3", "kd.threads", "2", "kd.scale", "ci", "kd.maxSeeds", "4",
                "kd.models.dir", "/tmp/store", "kd.executor", "spark"));
        Map<String, String> v = s.valuesForAnotherJvm();
        Settings there = Settings.from(k -> Optional.ofNullable(v.get(k)));
        assertThat(there.threads()).isEqualTo(2);
        assertThat(there.scale()).isEqualTo(s.scale());
        assertThat(there.modelsDir()).isEqualTo("/tmp/store");
        assertThat(there.dataScale()).isEqualTo(s.dataScale());
    }
}
