package org.kdclaims.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kdclaims.data.DataSetId;
import org.kdclaims.data.TrainingData;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.Network;
import org.kdclaims.training.TeacherOrbit;
import org.kdclaims.training.TeacherOrbits;
import org.kdclaims.training.TrainingSpec;

/**
 * Adds to a plan one orbit pass per teacher checkpoint that distilled students still to train learn from, where a
 * table applies ({@link TeacherOrbits#applies}: orbits on, a dense head, within the memory budget):
 * a node the students wait for, so that the cost model and the ETA count it and a killed suite
 * computes it again. The rule depends on the models and the data alone, never on the schedule, and
 * the table gives the numbers the teacher gives on the fly, so keys are untouched.
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
        }
        passes.forEach((key, pass) -> plan.addOrbit(pass, models.hasOrbit(key), studentsByCheckpoint.get(key)));
    }
}
