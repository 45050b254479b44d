package org.kdclaims.extension;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.Distill;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Premise;
import org.kdclaims.annotations.Premises;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ArmCurve;
import org.kdclaims.config.ScaleProfile;
import org.kdclaims.config.Settings;
import org.kdclaims.data.DataSetId;
import org.kdclaims.models.Architectures;
import org.kdclaims.training.Distillation;

/**
 * A claim method's annotations, resolved (parameter over method over class, meta-annotations
 * included) into plain values and validated before anything trains. Every impossible combination
 * is an {@link ExtensionConfigurationException} naming the annotation and the fix. A method-level
 * sweep yields one plan per point ({@link #points()}, {@link #at(SweepPoint)}); an {@link ArmCurve}
 * parameter is one {@link CurvePlan} whose points are ordinary arms of the same plan, so everything
 * that plans and builds arms plans and builds every point. {@link #learningCurve()}: the points of the
 * claim's {@code @LearningCurve}, at which its students are evaluated along training (0: none).
 */
record ClaimPlan(Method method, Claim claim, DataSetId dataset, int seeds, long seedBase,
        Distillation distillation, List<ArmPlan> arms, List<SweepPoint> points, List<CurvePlan> curves,
        Set<Premise> premises, AdaptiveSeeds adaptive, ReplicationDesign replication, int learningCurve) {

    /** A curve needs this many points for its shape to mean anything (a minimum needs both sides). */
    static final int MIN_CURVE_POINTS = 3;

    /** The same claim judged with {@code n} replications per arm (a round of adaptive seeds). */
    ClaimPlan withSeeds(int n) {
        return new ClaimPlan(method, claim, dataset, n, seedBase, distillation, arms, points, curves, premises, adaptive,
                replication, learningCurve);
    }

    /** How one {@link Arm} parameter is trained. */
    public enum Recipe { SCRATCH, FULL_KD, ESKD, ENSEMBLE }

    /** A point of training: an epoch at paper scale, or a fraction of the epochs; NONE = the end. */
    public record Stop(int epoch, double fraction) {
        static final Stop NONE = new Stop(-1, -1);

        static Stop of(EarlyStopAt a) {
            return a == null ? NONE : new Stop(a.epoch(), a.fraction());
        }

        boolean isNone() {
            return epoch < 0 && fraction < 0;
        }

        /** The epoch at this scale of a run of {@code paperEpochs} epochs at paper scale. */
        int at(int paperEpochs, ScaleProfile p) {
            int epochs = p.epochs(paperEpochs);
            if (isNone()) {
                return epochs;
            }
            return epoch >= 0 ? p.epochAt(epoch, paperEpochs) : Math.max(1, (int) Math.round(fraction * epochs));
        }
    }

    /**
     * A model to train: architecture, epochs at paper scale (0 = protocol default), stop point, and
     * the chain of models it is distilled from (oldest first; empty = trained from scratch).
     */
    public record ModelPlan(String arch, int paperEpochs, Stop stop, List<String> from) {
        ModelPlan withArch(String a) {
            return new ModelPlan(a, paperEpochs, stop, from);
        }

        ModelPlan withStop(Stop s) {
            return new ModelPlan(arch, paperEpochs, s, from);
        }
    }

    /**
     * One arm: its name (the parameter's, or the curve's with its point), recipe, student, teacher
     * (null without one), ESKD stop, ensemble size (1 unless {@code @Ensemble}) and KD loss.
     */
    public record ArmPlan(String name, Recipe recipe, ModelPlan student, ModelPlan teacher, Stop kdStop, int members,
            Distillation distillation) {
        ArmPlan withTeacher(ModelPlan t) {
            return new ArmPlan(name, recipe, student, t, kdStop, members, distillation);
        }

        ArmPlan withDistillation(Distillation d) {
            return new ArmPlan(name, recipe, student, teacher, kdStop, members, d);
        }

        ArmPlan named(String n) {
            return new ArmPlan(n, recipe, student, teacher, kdStop, members, distillation);
        }
    }

    /** One invocation of a claim, or one point of a curve: a dimension and its value (SINGLE: unswept). */
    public record SweepPoint(SweepDimension dimension, String value) {
        static final SweepPoint SINGLE = new SweepPoint(null, null);

        public String label() {
            return dimension == null ? "" : "[" + dimension.key() + "=" + value + "]";
        }
    }

    /** An {@link ArmCurve} parameter: its name, dimension, and the arm (in {@link #arms()}) of each point. */
    record CurvePlan(String name, SweepDimension dimension, List<SweepPoint> points, List<String> arms) {
    }

    /** The seed base of this run: {@code -Dkd.seedBase} (fresh seeds, teachers included) or the claim's own. */
    long seedBase(Settings settings) {
        return settings.seedBase() == null ? seedBase : settings.seedBase();
    }

    public static ClaimPlan of(Method method) {
        Claim claim = find(method, Claim.class).orElseThrow(() -> invalid(method,
                "is not annotated @Claim: add @Claim(id = \"C4\", source = \"Table 3\", statement = \"...\")"));
        DataSetId dataset = ClaimDataSets.required(method);
        Seeds seeds = find(method, Seeds.class).orElseThrow(() -> invalid(method,
                "has no @Seeds: a claim needs per-seed statistics, e.g. @Seeds(3)"));
        AdaptiveSeeds adaptive = AdaptiveSeeds.of(method, seeds);
        int initialSeeds = adaptive == null ? seeds.value() : adaptive.min();
        Distill d = find(method, Distill.class).orElse(null);
        Distillation distillation = d == null ? Distillation.standard() : distillation(method, d);
        List<ArmPlan> arms = new ArrayList<>();
        List<CurvePlan> curves = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            if (p.getType() == Arm.class) {
                if (p.isAnnotationPresent(Sweep.class)) {
                    throw invalid(method, "arm '" + p.getName() + "' has @Sweep but is an Arm: declare it as ArmCurve "
                            + p.getName() + " to get one arm per point, or put @Sweep on the method");
                }
                arms.add(ArmAnnotations.arm(method, p, distillation));
            } else if (p.getType() == ArmCurve.class) {
                curves.add(ArmAnnotations.curve(method, p, distillation, arms));
            }
        }
        if (arms.isEmpty()) {
            throw invalid(method, "has no Arm parameter: declare the arms to train, e.g. (@EarlyStopAt(fraction = 0.25) Arm eskd, Arm fullKd)");
        }
        Sweep methodSweep = find(method, Sweep.class).orElse(null);
        if (methodSweep != null && !curves.isEmpty()) {
            throw invalid(method, "has @Sweep on the method and an ArmCurve parameter: sweep either the whole claim "
                    + "(one invocation per point) or one curve parameter, not both");
        }
        List<SweepPoint> points = methodSweep == null ? List.of(SweepPoint.SINGLE) : ArmAnnotations.sweep(method, methodSweep);
        Set<Premise> premises = premises(method, arms, points);
        ReplicationDesign replication = ReplicationDesign.of(method, seeds, arms, initialSeeds);
        ClaimPlan plan = new ClaimPlan(method, claim, dataset, initialSeeds, seeds.base(), distillation,
                List.copyOf(arms), points, List.copyOf(curves), premises, adaptive, replication,
                LearningCurvePoints.of(method));
        for (SweepPoint point : points) {
            checkAttention(method, plan.at(point));
        }
        return plan;
    }

    /** Attention transfer needs teacher and student attention points at the same resolutions. */
    private static void checkAttention(Method method, ClaimPlan plan) {
        if (!plan.distillation().attentionTransfer()) {
            return;
        }
        for (ArmPlan a : plan.arms().stream().filter(x -> x.teacher() != null).toList()) {
            int[] t = Architectures.parse(a.teacher().arch()).attentionDownsampling();
            int[] s = Architectures.parse(a.student().arch()).attentionDownsampling();
            if (!Architectures.attentionCompatible(t, s)) {
                throw invalid(method, "arm '" + a.name() + "' uses attention transfer from " + a.teacher().arch()
                        + " to " + a.student().arch() + ", whose attention points differ (downsampling "
                        + Arrays.toString(t) + " vs " + Arrays.toString(s)
                        + "): pair architectures with the same groups (e.g. WRN with WRN or DenseNet)");
            }
        }
    }

    /** The plan of one sweep point: the swept value replaces what the annotations say. */
    public ClaimPlan at(SweepPoint point) {
        if (point.dimension() == null) {
            return this;
        }
        List<ArmPlan> swept = arms.stream().map(a -> point.dimension().apply(a, point.value())).toList();
        Distillation dist = point.dimension() == SweepDimension.TAU
                ? distillation.withTau(Double.parseDouble(point.value()))
                : distillation;
        return new ClaimPlan(method, claim, dataset, seeds, seedBase, dist, swept, List.of(point), curves, premises,
                adaptive, replication, learningCurve);
    }

    /** The declared premises, each checkable on this claim's arms (a teacher to check, a stop to judge). */
    private static Set<Premise> premises(Method method, List<ArmPlan> arms, List<SweepPoint> points) {
        Premise[] declared = find(method, Premises.class).map(Premises::value).orElse(new Premise[0]);
        Set<Premise> set = declared.length == 0 ? EnumSet.noneOf(Premise.class) : EnumSet.copyOf(Arrays.asList(declared));
        boolean teachers = arms.stream().anyMatch(a -> a.teacher() != null);
        if (!teachers && !set.isEmpty()) {
            throw invalid(method, "declares @Premises " + set + " but no arm has a teacher: the premises are about"
                    + " teachers; remove @Premises or add a distilled arm");
        }
        boolean stopped = arms.stream().anyMatch(a -> a.teacher() != null && !a.teacher().stop().isNone())
                || points.stream().anyMatch(p -> p.dimension() == SweepDimension.TEACHER_STOP);
        if (set.contains(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY) && !stopped) {
            throw invalid(method, "declares STOPPED_TEACHER_PAST_FIRST_DECAY but no teacher is stopped early: add"
                    + " @Teacher(stopAt = @EarlyStopAt(...)) or remove the premise");
        }
        return Set.copyOf(set);
    }

    private static Distillation distillation(Method method, Distill d) {
        try {
            return new Distillation(d.tau(), d.weight(), d.convention(), d.attentionBeta());
        } catch (IllegalArgumentException e) {
            throw invalid(method, "has an invalid @Distill: " + e.getMessage());
        }
    }

    static int epochsOrDefault(int annotated) {
        return annotated == 0 ? ScaleProfile.PAPER_EPOCHS : annotated;
    }

    /** Parameter/method first, then the declaring class and its enclosing classes; meta-annotations count. */
    static <A extends java.lang.annotation.Annotation> Optional<A> find(AnnotatedElement e, Class<A> type) {
        Optional<A> found = AnnotationSupport.findAnnotation(e, type);
        if (found.isPresent() || !(e instanceof Method m)) {
            return found;
        }
        for (Class<?> c = m.getDeclaringClass(); c != null; c = c.getEnclosingClass()) {
            found = AnnotationSupport.findAnnotation(c, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static ExtensionConfigurationException invalid(Method method, String problem) {
        return new ExtensionConfigurationException("Claim " + method.getDeclaringClass().getSimpleName() + "."
                + method.getName() + " " + problem);
    }
}
