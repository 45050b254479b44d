package org.kdclaims.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdclaims.config.Settings;
import org.kdclaims.plan.RunRequest;
import org.kdclaims.plan.SuitePlan;

/**
 * The seam between driver and executor without a cluster: a run travels as plain values and comes
 * back as the same run, and an executor that would compute another model key refuses the run,
 * naming the line that differs, instead of training other numbers under the driver's key.
 */
class SparkRunTicketTest {

    @Test
    void aRunTravelsAsPlainValuesAndArrivesAsTheSameRun(@TempDir Path dir) throws Exception {
        Settings s = TinySuite.settings(dir);
        SuitePlan plan = TinySuite.plan(s, 2);
        for (var n : plan.nodes()) {
            RunRequest run = n.run();
            RunTicket arrived = roundTrip(RunTicket.of(run, s, s.valuesForAnotherJvm()));
            RunRequest back = arrived.request();
            assertThat(back.spec().describe()).isEqualTo(run.spec().describe());
            assertThat(back).usingRecursiveComparison().ignoringFields("spec").isEqualTo(run);
            assertThat(arrived.readSettings().dataScale()).isEqualTo(s.dataScale());
            assertThat(arrived.readSettings().modelsDir()).isEqualTo(s.modelsDir());
        }
        RunRequest any = plan.nodes().iterator().next().run();
        assertThat(roundTrip(RunTicket.of(any, s, s.valuesForAnotherJvm(), java.util.List.of("b", "a"))).plannedOrbits())
                .containsExactly("a", "b");
        assertThat(roundTrip(RunTicket.of(any, s, s.valuesForAnotherJvm())).plannedOrbits()).isNull();
    }

    /** A student asked for a learning curve keeps it on the way: its schedule is part of its key. */
    @Test
    void aLearningCurveTravelsWithItsRun(@TempDir Path dir) throws Exception {
        Settings s = TinySuite.settings(dir);
        RunRequest student = TinySuite.plan(s, 2).nodes().stream().map(SuitePlan.Node::run)
                .filter(RunRequest::hasParent).findFirst().orElseThrow();
        RunRequest curve = new RunRequest(student.key(), student.basis(), student.spec().withLearningCurve(10),
                student.data(), student.role(), student.parentKey(), student.parentEpoch());

        RunRequest back = roundTrip(RunTicket.of(curve, s, s.valuesForAnotherJvm())).request();

        assertThat(back.spec().learningCurve()).isTrue();
        assertThat(back.spec().evalEvery()).isEqualTo(curve.spec().evalEvery());
        assertThat(back.spec().describe()).isEqualTo(curve.spec().describe()).contains("learning-curve[");
    }

    /**
     * An executor looks up only the orbit tables the driver's plan chose: a student whose plan chose
     * none runs its teacher on the fly and writes no table, where one without a plan's choice builds
     * the table that applies (the behaviour before tickets carried the choice).
     */
    @Test
    void aRemoteStudentUsesOnlyTheOrbitTablesThePlanChose(@TempDir Path dir) throws Exception {
        Settings s = TinySuite.settings(dir);
        java.util.List<RunRequest> runs = TinySuite.plan(s, 2).nodes().stream().map(SuitePlan.Node::run).toList();
        RunRequest teacher = runs.get(0);
        java.util.List<RunRequest> students = runs.stream().filter(RunRequest::hasParent).toList();
        java.util.Set<String> none = java.util.Set.of();
        assertThat(RemoteRun.train(RunTicket.of(teacher, s, s.valuesForAnotherJvm(), none)).ok()).isTrue();

        assertThat(RemoteRun.train(RunTicket.of(students.get(0), s, s.valuesForAnotherJvm(), none)).ok()).isTrue();
        assertThat(orbitFiles(dir)).isEmpty();

        assertThat(RemoteRun.train(RunTicket.of(students.get(1), s, s.valuesForAnotherJvm(), null)).ok()).isTrue();
        assertThat(orbitFiles(dir)).hasSize(1);
    }

    private static java.util.List<Path> orbitFiles(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".orbit")).toList();
        }
    }

    @Test
    void aWorkerOfAnotherKindRefusesTheRunNamingTheDifference(@TempDir Path dir) {
        Settings s = TinySuite.settings(dir);
        RunRequest teacher = TinySuite.plan(s, 2).nodes().iterator().next().run();
        String isa = teacher.basis().lines().filter(l -> l.startsWith("native=")).findFirst().orElseThrow();
        // as if the driver ran on a machine whose oneDNN dispatches to AVX-512
        String driverBasis = teacher.basis().replace(isa, isa.replaceFirst("cpu=\\S+", "cpu=avx512_core"));
        RunRequest fromOtherDriver = new RunRequest(teacher.key(), driverBasis, teacher.spec(), teacher.data(),
                teacher.role(), teacher.parentKey(), teacher.parentEpoch());

        TaskResult r = RemoteRun.train(RunTicket.of(fromOtherDriver, s, s.valuesForAnotherJvm()));

        assertThat(r.ok()).isFalse();
        assertThat(r.trained()).isFalse();
        assertThat(r.error()).contains("would train another model than the driver planned")
                .contains("cpu=avx512_core").contains(isa).contains("CPU instruction set");
        assertThat(dir.resolve(teacher.key() + ".kdm")).doesNotExist();
    }

    private static RunTicket roundTrip(RunTicket t) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (RunTicket) in.readObject();
        }
    }
}
