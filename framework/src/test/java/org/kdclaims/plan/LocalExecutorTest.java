package org.kdclaims.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.kdclaims.data.DataSetId;
import org.kdclaims.models.Architectures;
import org.kdclaims.training.TrainingSpec;

/** The executor's contract on a plan whose "training" only records what happens: no model is trained. */
class LocalExecutorTest {

    private static RunRequest run(String key, String parent, long seed) {
        TrainingSpec spec = TrainingSpec.paperDefaults(Architectures.parse("cnn-1"), 5, seed);
        return new RunRequest(key, key, spec, DataSetId.CIFAR10, parent == null ? "teacher" : "student", parent,
                parent == null ? 0 : 5);
    }

    /** A teacher t with students s1..s3, a second teacher u with student v1, an independent run x. */
    private static SuitePlan plan() {
        SuitePlan p = new SuitePlan();
        p.add(run("t", null, 1), "C1", false);
        p.add(run("u", null, 1), "C2", false);
        p.add(run("x", null, 9), "C2", false);
        for (int i = 1; i <= 3; i++) {
            p.add(run("s" + i, "t", i), "C1", false);
        }
        p.add(run("v1", "u", 1), "C2", false);
        p.nodes().forEach(n -> p.estimate(n.run().key(), n.run().key().startsWith("s") ? 3 : 1));
        return p;
    }

    @Test
    void teachersFirstNeverMoreThanTheWorkersAndEveryRunOnce() {
        List<String> started = new CopyOnWriteArrayList<>();
        Map<String, Boolean> finished = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        RunTrainer trainer = r -> {
            if (r.hasParent()) {
                assertThat(finished).containsKey(r.parentKey());
            }
            started.add(r.key());
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            running.decrementAndGet();
            finished.put(r.key(), true);
        };
        SuitePlan plan = plan();
        Map<String, RunOutcome> out;
        try (SuiteProgress progress = new SuiteProgress(plan, 2, quiet(), Duration.ofMinutes(1))) {
            out = new LocalExecutor(2, 1).execute(plan, trainer, progress);
        }
        assertThat(started).hasSize(7).doesNotHaveDuplicates();
        assertThat(most.get()).isLessThanOrEqualTo(2);
        assertThat(out.values()).allMatch(o -> o.status() == RunOutcome.Status.TRAINED);
    }

    @Test
    void theTeacherWithTheLongestChainOfWorkStartsFirst() {
        // one worker: with two, t and u start at the same moment and the order they are seen in is a race
        List<String> started = new CopyOnWriteArrayList<>();
        SuitePlan plan = plan();
        try (SuiteProgress progress = new SuiteProgress(plan, 1, quiet(), Duration.ofMinutes(1))) {
            new LocalExecutor(1, 1).execute(plan, r -> started.add(r.key()), progress);
        }
        assertThat(started.get(0)).isEqualTo("t");
    }

    @Test
    void aFailedTeacherBlocksItsStudentsAndNothingElse() {
        RunTrainer trainer = r -> {
            if (r.key().equals("t")) {
                throw new IllegalStateException("loss NaN");
            }
        };
        SuitePlan plan = plan();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, RunOutcome> out;
        try (SuiteProgress progress = new SuiteProgress(plan, 2, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofMinutes(1))) {
            out = new LocalExecutor(2, 1).execute(plan, trainer, progress);
        }
        assertThat(out.get("t").status()).isEqualTo(RunOutcome.Status.FAILED);
        assertThat(List.of("s1", "s2", "s3")).allSatisfy(k -> {
            assertThat(out.get(k).status()).isEqualTo(RunOutcome.Status.BLOCKED);
            assertThat(out.get(k).error()).hasMessageContaining("loss NaN").hasMessageContaining("learns from");
        });
        assertThat(List.of("u", "x", "v1")).allSatisfy(k -> assertThat(out.get(k).ok()).isTrue());
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[kd] suite: 3/7 models trained (0 stored, 4 failed)");
    }

    @Test
    void storedRunsAreNotTrainedAndTheirStudentsStartAtOnce() {
        SuitePlan p = new SuitePlan();
        p.add(run("t", null, 1), "C1", true);
        p.add(run("s1", "t", 1), "C1", false);
        List<String> started = new CopyOnWriteArrayList<>();
        Map<String, RunOutcome> out;
        try (SuiteProgress progress = new SuiteProgress(p, 2, quiet(), Duration.ofMinutes(1))) {
            out = new LocalExecutor(2, 1).execute(p, r -> started.add(r.key()), progress);
        }
        assertThat(started).containsExactly("s1");
        assertThat(out.get("t").status()).isEqualTo(RunOutcome.Status.STORED);
    }

    @Test
    void theEstimateSimulatesTheWorkers() {
        SuitePlan p = plan();
        // one worker: the sum (4 x 1 s + 3 x 3 s); two: t then its students over two workers
        assertThat(p.estimatedWallSeconds(1)).isEqualTo(13.0);
        assertThat(p.estimatedWallSeconds(2)).isLessThan(13.0).isGreaterThanOrEqualTo(6.5);
    }

    /** A claim's part of the plan is what a run of that claim alone would train: its teacher comes along. */
    @Test
    void eachClaimOnItsOwnKeepsItsTeachersAndOrbitPassesAndIsPricedAlone() {
        SuitePlan p = planWithOrbit();
        p.add(run("w", "t", 7), "C2", false);   // C2 also learns from C1's teacher t
        p.estimate("w", 3);

        SuitePlan c1 = p.restrictedTo(Set.of("C1"));
        assertThat(c1.nodes()).extracting(n -> n.run().key()).containsExactlyInAnyOrder("t", "s1", "s2", "s3", "o");
        assertThat(c1.node("s1").dependencies()).containsExactly("t", "o");
        assertThat(c1.claims()).containsExactly("C1");
        // two workers: t (0-1), then o (1-3) beside s3 (1-4), then s1 (3-6) and s2 (4-7)
        assertThat(c1.estimatedWallSeconds(2)).isEqualTo(7.0);

        SuitePlan c2 = p.restrictedTo(Set.of("C2"));
        assertThat(c2.nodes()).extracting(n -> n.run().key()).containsExactlyInAnyOrder("t", "u", "x", "v1", "w");
        assertThat(c2.estimatedWallSeconds(1)).isEqualTo(7.0);
        assertThat(p.estimatedWallSeconds(1)).as("the whole plan trains t once").isEqualTo(18.0);

        String text = PlanReport.text(p, new LocalExecutor(2, 1), 2, "test machine");
        assertThat(text).contains("[kd] each claim on its own")
                .containsPattern("\\[kd\\]   C1 +4 models,   1 orbit passes to compute  ~7s")
                .containsPattern("\\[kd\\]   C2 +5 models,   0 orbit passes to compute  ~");
    }

    @Test
    void theLongestChainBoundsTheWallTimeAndThePlanSaysWhen() {
        SuitePlan p = planWithOrbit();
        // t (1 s) -> its orbit pass (2 s) -> s1 or s2 (3 s): 6 s, longer than u -> v1 (1 + 3 s)
        List<String> chain = p.criticalChain().stream().map(n -> n.run().key()).toList();
        assertThat(chain).hasSize(3).startsWith("t", "o");
        assertThat(chain.get(2)).isIn("s1", "s2");
        assertThat(p.estimatedWallSeconds(100)).isEqualTo(6.0);
        // 15 s of work over a 6 s chain: a third worker still helps, a fourth cannot
        assertThat(PlanReport.workersBeforeChainBinds(15, 6)).isEqualTo(3);
        assertThat(PlanReport.workersBeforeChainBinds(12, 6)).isEqualTo(2);
        String text = PlanReport.text(p, new LocalExecutor(2, 1), 2, "test machine");
        assertThat(text).contains("[kd] longest chain: 6s (cnn-1 seed 1 (teacher) -> cnn-1 seed 1 (orbit) -> cnn-1 seed ")
                .contains("beyond 3 workers this chain");
        SuitePlan allStored = new SuitePlan();
        allStored.add(run("t", null, 1), "C1", true);
        assertThat(allStored.criticalChain()).isEmpty();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** The plan with teacher t's orbit pass o, which s1 and s2 wait for (s3's checkpoint has none). */
    private static SuitePlan planWithOrbit() {
        SuitePlan p = plan();
        RunRequest o = new RunRequest("o", "orbit of t@5", run("t", null, 1).spec(), DataSetId.CIFAR10,
                RunRequest.ORBIT, "t", 5);
        p.addOrbit(o, false, List.of("s1", "s2"));
        p.estimate("o", 2);
        return p;
    }

    @Test
    void studentsWaitForTheirTeachersOrbitPassWhichCountsInThePlan() {
        SuitePlan plan = planWithOrbit();
        assertThat(plan.node("s1").dependencies()).containsExactly("t", "o");
        assertThat(plan.node("s3").dependencies()).containsExactly("t");
        assertThat(plan.node("o").claims()).containsExactly("C1");
        // t (1) + o (2) + s1 (3) on one worker's critical path
        assertThat(plan.criticalPath().get("t")).isEqualTo(6.0);
        assertThat(plan.estimatedWallSeconds(1)).isEqualTo(plan().estimatedWallSeconds(1) + 2);
        List<String> started = new CopyOnWriteArrayList<>();
        Map<String, Boolean> finished = new ConcurrentHashMap<>();
        RunTrainer trainer = r -> {
            for (String d : plan.node(r.key()).dependencies()) {
                assertThat(finished).as(r.key() + " after " + d).containsKey(d);
            }
            started.add(r.key());
            Thread.sleep(10);
            finished.put(r.key(), true);
        };
        Map<String, RunOutcome> out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SuiteProgress progress = new SuiteProgress(plan, 2, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofMinutes(1))) {
            out = new LocalExecutor(2, 1).execute(plan, trainer, progress);
        }
        assertThat(started).hasSize(8).doesNotHaveDuplicates();
        assertThat(out.values()).allMatch(RunOutcome::ok);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("7/7 models trained (0 stored, 0 failed), 1/1 orbit passes");
        assertThat(PlanReport.text(plan, new LocalExecutor(2, 1), 2, "here"))
                .contains("7 models: 7 to train, 0 stored; 1 teacher orbit passes: 1 to compute, 0 stored");
    }

    @Test
    void aFailedOrbitPassBlocksNothingButAFailedTeacherStillBlocksItsStudents() {
        SuitePlan plan = planWithOrbit();
        Map<String, RunOutcome> out;
        try (SuiteProgress progress = new SuiteProgress(plan, 2, quiet(), Duration.ofMinutes(1))) {
            out = new LocalExecutor(2, 1).execute(plan, r -> {
                if (r.isOrbit()) {
                    throw new IllegalStateException("disk full");
                }
            }, progress);
        }
        assertThat(out.get("o").status()).isEqualTo(RunOutcome.Status.FAILED);
        assertThat(List.of("t", "s1", "s2", "s3", "u", "v1", "x")).allSatisfy(k -> assertThat(out.get(k).ok()).isTrue());

        SuitePlan again = planWithOrbit();
        Map<String, RunOutcome> blocked;
        try (SuiteProgress progress = new SuiteProgress(again, 2, quiet(), Duration.ofMinutes(1))) {
            blocked = new LocalExecutor(2, 1).execute(again, r -> {
                if (r.key().equals("t")) {
                    throw new IllegalStateException("loss NaN");
                }
            }, progress);
        }
        assertThat(List.of("o", "s1", "s2", "s3")).allSatisfy(k -> {
            assertThat(blocked.get(k).status()).isEqualTo(RunOutcome.Status.BLOCKED);
            assertThat(blocked.get(k).error()).hasMessageContaining("loss NaN");
        });
    }

}
