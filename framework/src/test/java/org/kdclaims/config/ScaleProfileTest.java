package org.kdclaims.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.kdclaims.models.Architectures;

class ScaleProfileTest {
    @Test
    void paperScaleIsTheProtocol() {
        ScaleProfile p = ScaleProfile.paper();
        assertThat(p.epochs(200)).isEqualTo(200);
        assertThat(p.scale(Architectures.parse("wrn-28-10")).name()).isEqualTo("wrn-28-10");
        assertThat(p.seeds(5)).isEqualTo(5);
    }

    @Test
    void smokeShrinksButKeepsTheTeacherStudentOrder() {
        ScaleProfile p = ScaleProfile.smoke();
        assertThat(p.epochs(200)).isEqualTo(5);
        assertThat(p.seeds(5)).isEqualTo(2);
        assertThat(p.scale(Architectures.parse("wrn-16-1")).name()).isEqualTo("wrn-10-0.25");
        assertThat(p.scale(Architectures.parse("wrn-16-3")).name()).isEqualTo("wrn-10-0.75");
    }

    @Test
    void ciV1KeepsThePapersWidthsAndAnEightfoldCapacityGap() {
        ScaleProfile p = ScaleProfile.ciV1();
        assertThat(p.epochs(200)).isEqualTo(16);
        assertThat(p.seeds(5)).isEqualTo(3);
        assertThat(p.scale(Architectures.parse("wrn-16-1")).name()).isEqualTo("wrn-10-1");
        assertThat(p.scale(Architectures.parse("wrn-16-3")).name()).isEqualTo("wrn-10-3");
        assertThat(p.scale(Architectures.parse("wrn-16-8")).name()).isEqualTo("wrn-10-8");
        // the paper's decays at 30/60/80 % fall at epochs 5, 10 and 13 of 16: "late in training" exists
        assertThat(org.kdclaims.training.TrainingSpec.paperDefaults(Architectures.parse("wrn-10-1"), 16, 1)
                .schedule().milestones()).containsExactly(5, 10, 13);
        assertThat(p.evalEvery(16)).isEqualTo(4);
    }

    @Test
    void ciV2TrainsLongerOnLessDataInSmallerBatchesSoThatTeachersFit() {
        ScaleProfile p = ScaleProfile.ciV2();
        assertThat(p.protocol()).isEqualTo(2);
        assertThat(p.depthFraction()).isEqualTo(1.0);
        assertThat(p.epochs(200)).isEqualTo(100);
        assertThat(p.trainPerClass()).isEqualTo(50);
        assertThat(p.batch()).isEqualTo(32);
        assertThat(p.seeds(3)).isEqualTo(3);
        assertThat(p.evalEvery(100)).isEqualTo(50);
        assertThat(p.scale(Architectures.parse("wrn-16-8")).name()).isEqualTo("wrn-10-8");
        assertThat(p.describe()).isEqualTo("ci-v2: epochs x0.5 (min 12), 50 train/class, all test/class, 16x16 px, "
                + "batch 32, width x1.0, depth <= 10, seeds as annotated");
    }

    @Test
    void theV2ProfilesKeepV2sNumbersUnderTheirOwnNames() {
        ScaleProfile ci = ScaleProfile.ciV2();
        ScaleProfile nightly = ScaleProfile.nightlyV2();
        assertThat(nightly.protocol()).isEqualTo(2);
        assertThat(nightly.minSeeds()).isEqualTo(5);
        assertThat(nightly).usingRecursiveComparison().ignoringFields("name", "minSeeds").isEqualTo(ci);
        assertThat(ScaleProfile.ciV1().protocol()).isEqualTo(2);
        assertThat(ScaleProfile.from(k -> Optional.ofNullable(k.equals("kd.scale") ? "nightly-v2" : null)))
                .isEqualTo(nightly);
    }

    @Test
    void ciV3TrainsOnTwiceTheImagesWithHalvedWidthsAndDepthsSoThatTeachersGrowMoreAccurate() {
        ScaleProfile p = ScaleProfile.ci();
        assertThat(p.protocol()).isEqualTo(3);
        assertThat(p.trainPerClass()).isEqualTo(100);
        assertThat(p.epochs(200)).isEqualTo(100);
        assertThat(p.batch()).isEqualTo(32);
        assertThat(p.scale(Architectures.parse("wrn-16-1")).name()).isEqualTo("wrn-10-0.5");
        assertThat(p.scale(Architectures.parse("wrn-16-3")).name()).isEqualTo("wrn-10-1.5");
        assertThat(p.scale(Architectures.parse("wrn-16-8")).name()).isEqualTo("wrn-10-4");
        assertThat(p.scale(Architectures.parse("wrn-40-4")).name()).isEqualTo("wrn-22-2");
        assertThat(p.scale(Architectures.parse("resnet-18")).name()).isEqualTo("resnet-10-0.5");
        assertThat(ScaleProfile.nightly().minSeeds()).isEqualTo(5);
        assertThat(ScaleProfile.nightly()).usingRecursiveComparison().ignoringFields("name", "minSeeds").isEqualTo(p);
    }

    @Test
    void theDefaultProfilesRunTheCurrentProtocol() {
        for (ScaleProfile p : new ScaleProfile[] {ScaleProfile.smoke(), ScaleProfile.ci(), ScaleProfile.nightly(),
                ScaleProfile.paper()}) {
            assertThat(p.protocol()).as(p.name()).isEqualTo(ScaleProfile.CURRENT_PROTOCOL);
        }
    }

    @Test
    void aDepthFractionKeepsTheOrderOfDepthsWhereACapWouldCollapseIt() {
        ScaleProfile p = new ScaleProfile("deep", 1, 1, 0, 0, 32, 1, Integer.MAX_VALUE, 0, 1, false, 0, 0, 0.5, 3);
        assertThat(p.scale(Architectures.parse("wrn-16-2")).name()).isEqualTo("wrn-10-2");
        assertThat(p.scale(Architectures.parse("wrn-28-2")).name()).isEqualTo("wrn-16-2");
        assertThat(p.scale(Architectures.parse("wrn-40-2")).name()).isEqualTo("wrn-22-2");
        assertThat(p.scale(Architectures.parse("wrn-10-1")).name()).isEqualTo("wrn-10-1");
        assertThat(p.scale(Architectures.parse("densenet-40-12")).name()).isEqualTo("densenet-22-12");
        assertThat(p.scale(Architectures.parse("resnet-18")).name()).isEqualTo("resnet-10");
        assertThat(p.scale(Architectures.parse("resnet-34")).name()).isEqualTo("resnet-18");
        assertThat(p.scale(Architectures.parse("resnet-50")).name()).isEqualTo("resnet-26");
        assertThat(p.describe()).contains("depth x0.5, depth <= any");
        assertThatThrownBy(() -> new ScaleProfile("bad", 1, 1, 0, 0, 32, 1, 10, 0, 1, false, 0, 0, 0, 3))
                .hasMessageContaining("depthFraction");
    }

    @Test
    void nightlyRaisesSeedsToFiveAndSmokeStillCapsThem() {
        assertThat(ScaleProfile.nightlyV2().seeds(3)).isEqualTo(5);
        assertThat(ScaleProfile.nightly().seeds(3)).isEqualTo(5);
        assertThat(ScaleProfile.nightly().seeds(8)).isEqualTo(8);
        assertThat(ScaleProfile.smoke().seeds(3)).isEqualTo(2);
        assertThat(ScaleProfile.smoke().batch()).isEqualTo(ScaleProfile.PAPER_BATCH);
        // the smoke description is stored in the nightly baseline: it must not change
        assertThat(ScaleProfile.smoke().describe()).isEqualTo("smoke: epochs x0.025 (min 5), 50 train/class, "
                + "50 test/class, 16x16 px, width x0.25, depth <= 10, seeds <= 2");
    }

    @Test
    void profilesAreSelectedByName() {
        assertThat(ScaleProfile.from(k -> java.util.Optional.ofNullable(k.equals("kd.scale") ? "ci-v1" : null)))
                .isEqualTo(ScaleProfile.ciV1());
        assertThat(ScaleProfile.from(k -> java.util.Optional.ofNullable(switch (k) {
            case "kd.scale" -> "ci";
            case "kd.batchSize" -> "64";
            default -> null;
        })).batch()).isEqualTo(64);
    }

    @Test
    void stopEpochsMapProportionally() {
        ScaleProfile p = ScaleProfile.ci();
        int epochs = p.epochs(200);
        assertThat(p.epochAt(100, 200)).isEqualTo(Math.round(epochs / 2f));
        assertThat(p.epochAt(1, 200)).isEqualTo(1);
    }

    @Test
    void unknownProfileNamesTheChoices() {
        Function<String, Optional<String>> config = k -> k.equals("kd.scale") ? Optional.of("huge") : Optional.empty();
        assertThatThrownBy(() -> ScaleProfile.from(config)).hasMessageContaining("smoke, ci or paper")
                .hasMessageContaining("ci-v2, nightly-v2");
    }

    @Test
    void wideResNetsAndSmallCnnsScaleAsTheyAlwaysDid() {
        assertThat(ScaleProfile.smoke().scale(Architectures.parse("wrn-28-10")).name()).isEqualTo("wrn-10-2.5");
        assertThat(ScaleProfile.paper().scale(Architectures.parse("wrn-16-1")).name()).isEqualTo("wrn-16-1");
        assertThat(ScaleProfile.smoke().scale(Architectures.parse("cnn-16")).name()).isEqualTo("cnn-4");
        assertThat(ScaleProfile.smoke().scale(Architectures.parse("cnn-1")).name()).isEqualTo("cnn-1");
        assertThat(ScaleProfile.ciV2().scale(Architectures.parse("cnn-16")).name()).isEqualTo("cnn-16");
    }

    @Test
    void resNetsScaleTheirWidthsAndCapDepthWithinTheirBlockKind() {
        assertThat(ScaleProfile.smoke().scale(Architectures.parse("resnet-18")).name()).isEqualTo("resnet-10-0.25");
        assertThat(ScaleProfile.ciV2().scale(Architectures.parse("resnet-34")).name()).isEqualTo("resnet-10");
        assertThat(ScaleProfile.paper().scale(Architectures.parse("resnet-50")).name()).isEqualTo("resnet-50");
        // no bottleneck ResNet is 10 deep: the depth is kept, the widths still shrink
        assertThat(ScaleProfile.smoke().scale(Architectures.parse("resnet-50")).name()).isEqualTo("resnet-50-0.25");
        ScaleProfile depth30 = new ScaleProfile("test", 1, 1, 0, 0, 32, 1, 30, 0, 1, false);
        assertThat(depth30.scale(Architectures.parse("resnet-34")).name()).isEqualTo("resnet-18");
    }

    @Test
    void denseNetsScaleTheirGrowthRateAndCapDepthToAValidThreeLPlusFour() {
        assertThat(ScaleProfile.smoke().scale(Architectures.parse("densenet-40-12")).name()).isEqualTo("densenet-10-3");
        assertThat(ScaleProfile.paper().scale(Architectures.parse("densenet-40-12")).name()).isEqualTo("densenet-40-12");
        ScaleProfile depth30 = new ScaleProfile("test", 1, 1, 0, 0, 32, 0.5, 30, 0, 1, false);
        assertThat(depth30.scale(Architectures.parse("densenet-40-12")).name()).isEqualTo("densenet-28-6");
        ScaleProfile tiny = new ScaleProfile("tiny", 1, 1, 0, 0, 32, 0.01, 40, 0, 1, false);
        assertThat(tiny.scale(Architectures.parse("densenet-40-12")).name()).isEqualTo("densenet-40-1");
    }

    @Test
    void aScaleAnArchitectureCannotTakeIsRefusedNamingBoth() {
        ScaleProfile shallow = new ScaleProfile("shallow", 1, 1, 0, 0, 32, 1, 5, 0, 1, false);
        assertThatThrownBy(() -> shallow.scale(Architectures.parse("densenet-40-12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("densenet-40-12").hasMessageContaining("shallow scale")
                .hasMessageContaining("3L+4").hasMessageContaining("-Dkd.maxDepth=");
        assertThatThrownBy(() -> shallow.scale(Architectures.parse("wrn-16-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrn-16-1").hasMessageContaining("6n+4");
    }
}
