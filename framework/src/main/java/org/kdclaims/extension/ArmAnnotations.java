package org.kdclaims.extension;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Ensemble;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.ArmCurve;
import org.kdclaims.extension.ClaimPlan.ArmPlan;
import org.kdclaims.extension.ClaimPlan.CurvePlan;
import org.kdclaims.extension.ClaimPlan.ModelPlan;
import org.kdclaims.extension.ClaimPlan.Recipe;
import org.kdclaims.extension.ClaimPlan.Stop;
import org.kdclaims.extension.ClaimPlan.SweepPoint;
import org.kdclaims.models.Architectures;
import org.kdclaims.training.Distillation;

/**
 * One {@code Arm} or {@link ArmCurve} parameter's annotations ({@code @Student}, {@code @Teacher},
 * {@code @Scratch}, {@code @Ensemble}, {@code @EarlyStopAt}, {@code @Sweep}) read into an
 * {@link ArmPlan} or {@link CurvePlan} and checked, each impossible combination named with its fix.
 * {@link ClaimPlan} puts the arms of a claim together; this class knows what one arm may say.
 */
final class ArmAnnotations {
    private ArmAnnotations() {
    }

    /**
     * An {@link ArmCurve} parameter: the arm its annotations describe, once per point of its
     * {@code @Sweep}, each added to {@code arms} as "name[dimension=value]".
     */
    static CurvePlan curve(Method method, Parameter p, Distillation distillation, List<ArmPlan> arms) {
        String name = p.getName();
        Sweep s = p.getAnnotation(Sweep.class);
        if (s == null) {
            throw ClaimPlan.invalid(method, "curve '" + name + "' has no @Sweep: give its points, e.g. @Sweep(teacher = "
                    + "{\"wrn-16-2\", \"wrn-16-4\", \"wrn-16-8\"}) ArmCurve " + name);
        }
        List<SweepPoint> points = sweep(method, s);
        if (points.size() < ClaimPlan.MIN_CURVE_POINTS) {
            throw ClaimPlan.invalid(method, "curve '" + name + "' has " + points.size() + " point(s): a curve needs at least "
                    + ClaimPlan.MIN_CURVE_POINTS + " (a shape needs a middle); add points to its @Sweep, or compare two Arms");
        }
        ArmPlan base = arm(method, p, distillation);
        if (base.teacher() == null) {
            throw ClaimPlan.invalid(method, "curve '" + name + "' is swept over " + points.get(0).dimension().key()
                    + " but its arm has no teacher (@Scratch or @Ensemble): only distilled arms can be swept");
        }
        List<String> names = new ArrayList<>();
        for (SweepPoint point : points) {
            ArmPlan a = point.dimension().apply(base, point.value()).named(name + point.label());
            arms.add(a);
            names.add(a.name());
        }
        return new CurvePlan(name, points.get(0).dimension(), points, List.copyOf(names));
    }

    static List<SweepPoint> sweep(Method method, Sweep s) {
        if (s == null) {
            return List.of(SweepPoint.SINGLE);
        }
        List<List<SweepPoint>> dims = new ArrayList<>();
        if (s.teacher().length > 0) {
            for (String arch : s.teacher()) {
                checkArch(method, "@Sweep(teacher)", arch);
            }
            dims.add(Arrays.stream(s.teacher()).map(t -> new SweepPoint(SweepDimension.TEACHER, t)).toList());
        }
        if (s.teacherStopFraction().length > 0) {
            for (double f : s.teacherStopFraction()) {
                if (!(f > 0 && f <= 1)) {
                    throw ClaimPlan.invalid(method, "has @Sweep(teacherStopFraction = " + f + "): fractions must be in (0, 1]");
                }
            }
            dims.add(Arrays.stream(s.teacherStopFraction()).mapToObj(f -> new SweepPoint(SweepDimension.TEACHER_STOP, fmt(f))).toList());
        }
        if (s.tau().length > 0) {
            for (double t : s.tau()) {
                if (!(t > 0)) {
                    throw ClaimPlan.invalid(method, "has @Sweep(tau = " + t + "): temperatures must be > 0");
                }
            }
            dims.add(Arrays.stream(s.tau()).mapToObj(t -> new SweepPoint(SweepDimension.TAU, fmt(t))).toList());
        }
        if (dims.isEmpty()) {
            throw ClaimPlan.invalid(method, "has a @Sweep with no points: give one dimension, e.g. @Sweep(teacher = {\"wrn-16-2\", \"wrn-16-4\"})");
        }
        if (dims.size() > 1) {
            throw ClaimPlan.invalid(method, "has a @Sweep over " + dims.size() + " dimensions: sweep one dimension per claim");
        }
        return dims.get(0);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    static ArmPlan arm(Method method, Parameter p, Distillation distillation) {
        String name = p.getName();
        Student student = ClaimPlan.find(p, Student.class).or(() -> ClaimPlan.find(method, Student.class)).orElseThrow(() -> ClaimPlan.invalid(method,
                "arm '" + name + "' has no @Student: annotate the method, class or parameter with @Student(arch = \"wrn-16-1\")"));
        checkArch(method, "@Student", student.arch());
        checkEpochs(method, "@Student", student.epochs());
        ModelPlan studentPlan = new ModelPlan(student.arch(), student.epochs(), Stop.NONE, List.of());
        boolean scratch = p.isAnnotationPresent(Scratch.class);
        Ensemble ensemble = p.getAnnotation(Ensemble.class);
        EarlyStopAt stop = p.getAnnotation(EarlyStopAt.class);
        if (ensemble != null) {
            if (ensemble.value() < 2 || scratch || stop != null) {
                throw ClaimPlan.invalid(method, "arm '" + name + "' has @Ensemble(" + ensemble.value()
                        + "): an ensemble needs at least 2 members and is trained from scratch (no @Scratch or @EarlyStopAt with it)");
            }
            return new ArmPlan(name, Recipe.ENSEMBLE, studentPlan, null, Stop.NONE, ensemble.value(), distillation);
        }
        if (scratch) {
            if (stop != null) {
                throw ClaimPlan.invalid(method, "arm '" + name + "' is @Scratch and @EarlyStopAt: a scratch arm has no KD to stop; remove one");
            }
            return new ArmPlan(name, Recipe.SCRATCH, studentPlan, null, Stop.NONE, 1, distillation);
        }
        Teacher teacher = ClaimPlan.find(p, Teacher.class).or(() -> ClaimPlan.find(method, Teacher.class)).orElseThrow(() -> ClaimPlan.invalid(method,
                "arm '" + name + "' is distilled but no @Teacher is given: add @Teacher(arch = \"wrn-16-3\"), or mark the arm @Scratch"));
        checkArch(method, "@Teacher", teacher.arch());
        checkEpochs(method, "@Teacher", teacher.epochs());
        Stop teacherStop = Stop.of(teacher.stopAt());
        if (!teacherStop.isNone()) {
            checkStop(method, "the teacher of arm '" + name + "' (@Teacher(stopAt = ...))", teacher.stopAt(),
                    ClaimPlan.epochsOrDefault(teacher.epochs()));
        }
        for (String ancestor : teacher.from()) {
            checkArch(method, "@Teacher(from)", ancestor);
        }
        if (stop != null) {
            checkStop(method, "arm '" + name + "'", stop, ClaimPlan.epochsOrDefault(student.epochs()));
        }
        return new ArmPlan(name, stop == null ? Recipe.FULL_KD : Recipe.ESKD, studentPlan,
                new ModelPlan(teacher.arch(), teacher.epochs(), teacherStop, List.of(teacher.from())), Stop.of(stop), 1,
                distillation);
    }

    private static void checkStop(Method method, String what, EarlyStopAt stop, int epochs) {
        boolean byEpoch = stop.epoch() >= 0;
        boolean byFraction = stop.fraction() >= 0;
        if (byEpoch == byFraction) {
            throw ClaimPlan.invalid(method, what + " has @EarlyStopAt with " + (byEpoch ? "both" : "neither")
                    + " epoch and fraction: give exactly one, e.g. @EarlyStopAt(fraction = 0.25)");
        }
        if (byFraction && !(stop.fraction() > 0 && stop.fraction() <= 1)) {
            throw ClaimPlan.invalid(method, what + " has @EarlyStopAt(fraction = " + stop.fraction()
                    + "): the fraction must be in (0, 1]");
        }
        if (byEpoch && (stop.epoch() < 1 || stop.epoch() > epochs)) {
            throw ClaimPlan.invalid(method, what + " has @EarlyStopAt(epoch = " + stop.epoch()
                    + ") but training has " + epochs + " epochs: choose an epoch in 1.." + epochs);
        }
    }

    static void checkArch(Method method, String annotation, String arch) {
        try {
            Architectures.parse(arch);
        } catch (IllegalArgumentException e) {
            throw ClaimPlan.invalid(method, annotation + "(arch = \"" + arch + "\"): " + e.getMessage());
        }
    }

    private static void checkEpochs(Method method, String annotation, int epochs) {
        if (epochs < 0) {
            throw ClaimPlan.invalid(method, annotation + "(epochs = " + epochs + "): epochs must be positive (0 = protocol default)");
        }
    }
}
