package org.kdclaims.training;

import org.kdclaims.data.TrainingData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kdclaims.config.Settings;
import org.kdclaims.data.Augmentation;
import org.kdclaims.data.Cifar10;
import org.kdclaims.data.DataCache;
import org.kdclaims.data.DataLocations;
import org.kdclaims.data.ImageDataset;
import org.kdclaims.data.Normalization;
import org.kdclaims.data.Subsets;
import org.kdclaims.models.Architectures;

/**
 * The engine against the independent PyTorch pilot (shared/paper/PILOT.md): the same protocol (500
 * images per class, the full test set, 32x32, 24 epochs, lr 0.1 x0.1 at epochs 8 and 16, KD tau 4
 * with 0.9 on the KD term, ESKD until epoch 10) must land within 1.5 points of the pilot's test
 * errors; a larger gap points to an engine bug (batch norm, augmentation, loss, optimizer). Minutes
 * of training: run it with {@code mvn -pl framework test -Dgroups=pilot}.
 */
@Tag("pilot")
class PilotProtocolTest {
    private static final double TOLERANCE = 1.5;
    private static TrainingData data;

    @BeforeAll
    static void pilotData() {
        Settings settings = Settings.fromParametersOrSystem(k -> Optional.empty());   // the -Dkd.* of the build
        Optional<Path> location = settings.cifar();
        Assumptions.assumeTrue(location.isPresent(), DataLocations::howToProvideCifar10);
        Cifar10 cifar = Cifar10.load(location.get(), DataCache.of(settings.dataCache()));
        ImageDataset train = cifar.train().subset(Subsets.stratified(cifar.train(), 500, 20191004L));
        data = new TrainingData("pilot", train, cifar.test(), Normalization.cifar10Standard(), Augmentation.padCropFlip(4));
    }

    private static TrainingSpec spec(String arch, long seed, Distillation kd, int kdUntil) {
        return new TrainingSpec(Architectures.parse(arch), 24, 128, 0.1, 0.1, new double[] {8 / 24.0, 16 / 24.0},
                0.9, 5e-4, seed, kd, kdUntil, 24, false);
    }

    private static double train(String what, TrainingSpec spec, TeacherNetwork teacher, double pilot) {
        TrainedModel m = Trainer.train(spec, data, teacher, ProgressListener.console("pilot"));
        double error = 100 * m.testError();
        System.err.printf("[kd] pilot protocol: %s test error %.2f %% (pilot %.2f %%), %.0f s, %.0f img/s%n",
                what, error, pilot, m.wallSeconds(), m.imagesPerSecond());
        return error;
    }

    @Test
    void scratchWrn10x1MatchesThePilot() {
        double error = train("WRN-10-1 scratch", spec("wrn-10-1", 1, null, 24), null, 41.29);
        assertThat(error).isBetween(41.29 - TOLERANCE, 41.29 + TOLERANCE);
    }

    @Test
    void kdAndEskdFromWrn10x2MatchThePilot() {
        TrainedModel t = Trainer.train(spec("wrn-10-2", 100, null, 24), data, null, ProgressListener.console("pilot"));
        double teacherError = 100 * t.testError();
        System.err.printf("[kd] pilot protocol: WRN-10-2 teacher (seed 100) test error %.2f %% (pilot 36.64 %%)%n",
                teacherError);
        TeacherNetwork teacher = TeacherNetwork.of(t, "pilot-wrn-10-2", 24);
        double kd = train("WRN-10-1 full KD", spec("wrn-10-1", 1, Distillation.standard(), 24), teacher, 39.95);
        double eskd = train("WRN-10-1 ESKD (KD for epochs 0-9)", spec("wrn-10-1", 1, Distillation.standard(), 10),
                teacher, 39.14);
        assertThat(teacherError).isBetween(36.64 - TOLERANCE, 36.64 + TOLERANCE);
        assertThat(kd).isBetween(39.95 - TOLERANCE, 39.95 + TOLERANCE);
        assertThat(eskd).isBetween(39.14 - TOLERANCE, 39.14 + TOLERANCE);
    }
}
