package org.kdclaims.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

import org.kdclaims.data.DataSetId;
import org.kdclaims.data.TrainingData;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.Network;
import org.kdclaims.training.TeacherOrbit;
import org.kdclaims.training.TeacherOrbits;
import org.kdclaims.training.TrainingSpec;

/**
 * Adds to a plan one orbit pass per teacher checkpoint that distilled students still to train learn
 * from, where a table applies ({@link TeacherOrbits#applies}: orbits on, a dense head, within the
 * memory budget) and is less work than the teacher on the fly: the students' teacher passes
 * (distinct seed and epoch pairs, since students of one seed share an epoch's logits; every epoch
 * of an attention-transfer student) at least the number of views per image. At ci a student's 100
 * KD epochs against 50 views always qualify; a smoke run's few epochs do not. The pass is a node the
 * students wait for, so that the cost model and the ETA count it and a killed suite computes it
 * again. The table gives the numbers the teacher gives on the fly, so the decision leaves keys and
 * numbers untouched; {@link TeacherOrbits#planned} tells the trainer which tables the plan chose.
 */
public final class OrbitPlanner {
    private OrbitPlanner() {
    }

    /** Adds the orbit passes; {@code orbits} decides where a table applies, {@code models} whether one is stored. */
    public static void plan(SuitePlan plan, Map<DataSetId, TrainingData> data, TeacherOrbits orbits, ModelStore models) {
        if (!orbits.enabled()) {
            return;
        }
        Map<String, List<String>> studentsByCheckpoint = new LinkedHashMap<>();
        Map<String, Set<String>> teacherPasses = new HashMap<>();
        Map<String, RunRequest> passes = new LinkedHashMap<>();
        Map<String, Network> shapes = new HashMap<>();
        for (SuitePlan.Node n : plan.nodes()) {
            RunRequest r = n.run();
            TrainingSpec s = r.spec();
            TrainingData d = data.get(r.data());
            if (n.stored() || !r.hasParent() || r.isOrbit() || s.distillation() == null || s.kdUntilEpoch() <= 0 || d == null) {
                continue;
            }
            TrainingSpec teacher = plan.node(r.parentKey()).run().spec();
            // an untrained network of the teacher's architecture: the table's size depends on its shape only
            Network shape = shapes.computeIfAbsent(teacher.architecture().name() + " " + d.train().shape(),
                    k -> Network.create(teacher.architecture(), d.train().shape(), 0, null));
            boolean maps = s.distillation().attentionTransfer();
            String checkpoint = r.parentKey() + "@" + r.parentEpoch();
            if (!orbits.applies(shape, d, maps)) {
                continue;
            }
            String key = TeacherOrbit.key(checkpoint, d, maps);
            passes.computeIfAbsent(key, k -> new RunRequest(ModelStore.orbitName(k), k, teacher, r.data(),
                    maps ? RunRequest.ORBIT_WITH_MAPS : RunRequest.ORBIT, r.parentKey(), r.parentEpoch()));
            studentsByCheckpoint.computeIfAbsent(key, k -> new ArrayList<>()).add(r.key());
            Set<String> onTheFly = teacherPasses.computeIfAbsent(key, k -> new HashSet<>());
            for (int e = 0; e < s.kdUntilEpoch(); e++) {
                onTheFly.add(maps ? r.key() + " epoch " + e : "seed " + s.seed() + " epoch " + e);
            }
        }
        Set<String> chosen = new HashSet<>();
        passes.forEach((key, pass) -> {
            if (teacherPasses.get(key).size() >= data.get(pass.data()).augmentation().views()) {
                plan.addOrbit(pass, models.hasOrbit(key), studentsByCheckpoint.get(key));
                chosen.add(key);
            }
        });
        orbits.planned(chosen);
    }
}
