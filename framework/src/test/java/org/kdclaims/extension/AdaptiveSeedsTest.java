package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ClaimAssertions;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.ResultsStore;

/**
 * Adaptive seeds end to end at a seconds-long scale: an undecided claim gets more seeds, look after
 * look (each look re-planned and trained through the suite's executor), up to {@code max}; a claim
 * decided at its first look stops there. Only the last look's result is the claim's.
 */
class AdaptiveSeedsTest {

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(min = 2, max = 4)
    static class Undecided {
        /** Two arms that are the same models: no difference at any number of seeds. */
        @Claim(id = "A1", source = "test", statement = "a model is better than itself")
        void same(@Scratch Arm a, @Scratch Arm b) {
            ClaimAssertions.assertThat(a.testError()).isSignificantlyLowerThan(b.testError());
        }
    }

    @Cifar
    @Student(arch = "cnn-4")
    @Seeds(min = 2, max = 4)
    static class DecidedAtOnce {
        /** The last epoch's index differs by 5 in every seed (5 vs 10 epochs): decided at the first look. */
        @Claim(id = "A2", source = "test", statement = "a shorter run has fewer epochs")
        void shorter(@Scratch Arm shortRun, @Scratch @Student(arch = "cnn-4", epochs = 400) Arm longRun) {
            ClaimAssertions.assertThat(shortRun.metric("last epoch", m -> m.epoch()))
                    .isSignificantlyLowerThan(longRun.metric("last epoch", m -> m.epoch()));
        }
    }

    @Test
    void anUndecidedClaimAddsSeedsUntilMax() {
        Events tests = TinyScale.engine("kd.maxSeeds", "0").selectors(selectClass(Undecided.class)).execute()
                .testEvents();
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("same [seeds=2]", "same [seeds=3]", "same [seeds=4]");
        assertThat(tests.aborted().count()).isEqualTo(2);   // looks 1 and 2: undecided, more seeds
        assertThat(tests.aborted().stream().map(AdaptiveSeedsTest::reason))
                .allSatisfy(m -> assertThat(m).contains("adding seeds"));
        List<ClaimResult> results = ResultsStore.defaultStore().read().claims();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo("INCONCLUSIVE");
            assertThat(r.arms()).allSatisfy(a -> assertThat(a.seeds()).containsExactly(1L, 2L, 3L, 4L));
            assertThat(r.statistics().sequential()).contains("look 3 of 3 at 4 seeds").contains("O'Brien-Fleming");
            // the last look's alpha is what is left of 0.05 after the first two looks
            assertThat(r.statistics().alpha()).isLessThan(0.05).isGreaterThan(0.01);
        });
    }

    @Test
    void aDecidedClaimStopsAtItsFirstLook() {
        Events tests = TinyScale.engine("kd.maxSeeds", "0").selectors(selectClass(DecidedAtOnce.class)).execute()
                .testEvents();
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("shorter [seeds=2]");
        assertThat(tests.succeeded().count()).isEqualTo(1);
        ClaimResult r = ResultsStore.defaultStore().read().claims().get(0);
        assertThat(r.verdict()).isEqualTo("SUPPORTED");
        assertThat(r.arms()).allSatisfy(a -> assertThat(a.values()).hasSize(2));
        assertThat(r.statistics().sequential()).contains("look 1 of 3 at 2 seeds");
    }

    /** The profile's seed cap (2 at smoke scale) leaves one look: the claim is judged once, as a fixed one. */
    @Test
    void aCapThatLeavesOneLookJudgesOnce() {
        Events tests = TinyScale.engine().selectors(selectClass(Undecided.class)).execute().testEvents();
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName())).containsExactly("same");
    }

    @Seeds(value = 3, max = 5)
    static class BothCountAndRange {
        @Cifar
        @Student(arch = "cnn-4")
        @Claim(id = "V1", source = "test", statement = "-")
        void claim(@Scratch Arm a, @Scratch Arm b) {
        }
    }

    @Seeds(min = 1, max = 5)
    static class TooFewToStart {
        @Cifar
        @Student(arch = "cnn-4")
        @Claim(id = "V2", source = "test", statement = "-")
        void claim(@Scratch Arm a, @Scratch Arm b) {
        }
    }

    @Test
    void impossibleRangesNameTheFix() throws NoSuchMethodException {
        assertThatThrownBy(() -> ClaimPlan.of(BothCountAndRange.class.getDeclaredMethod("claim", Arm.class, Arm.class)))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> ClaimPlan.of(TooFewToStart.class.getDeclaredMethod("claim", Arm.class, Arm.class)))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("min >= 2");
    }

    private static String reason(Event e) {
        return e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    }
}
