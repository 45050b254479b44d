package org.kdclaims.extension;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.Dataset;
import org.kdclaims.annotations.Distill;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.config.ScaleProfile;
import org.kdclaims.models.Architectures;
import org.kdclaims.training.Distillation;

/**
 * A claim method's annotations, resolved (parameter over method over class, meta-annotations
 * included) and validated before anything trains. Every impossible combination is an
 * {@link ExtensionConfigurationException} naming the annotation and the fix.
 */
public record ClaimPlan(Method method, Claim claim, Dataset.Kind dataset, int seeds, long seedBase,
        Distillation distillation, List<ArmPlan> arms) {

    /** How one {@link Arm} parameter is trained. */
    public enum Recipe { SCRATCH, FULL_KD, ESKD }

    /** One arm: its name (the parameter's), recipe, student and teacher (null for scratch). */
    public record ArmPlan(String name, Recipe recipe, Student student, Teacher teacher, EarlyStopAt stop) {
    }

    public static ClaimPlan of(Method method) {
        Claim claim = find(method, Claim.class).orElseThrow(() -> invalid(method,
                "is not annotated @Claim: add @Claim(id = \"C4\", source = \"Table 3\", statement = \"...\")"));
        Dataset dataset = find(method, Dataset.class).orElseThrow(() -> invalid(method,
                "names no data set: annotate the class or method with @Cifar or @FashionMnist"));
        Seeds seeds = find(method, Seeds.class).orElseThrow(() -> invalid(method,
                "has no @Seeds: a claim needs per-seed statistics, e.g. @Seeds(3)"));
        if (seeds.value() < 1) {
            throw invalid(method, "has @Seeds(" + seeds.value() + "): use at least 1 seed (3 or more for a verdict)");
        }
        Distill d = find(method, Distill.class).orElse(null);
        Distillation distillation;
        try {
            distillation = d == null ? Distillation.standard() : new Distillation(d.tau(), d.weight(), d.convention());
        } catch (IllegalArgumentException e) {
            throw invalid(method, "has an invalid @Distill: " + e.getMessage());
        }
        List<ArmPlan> arms = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            if (p.getType() == Arm.class) {
                arms.add(arm(method, p));
            }
        }
        if (arms.isEmpty()) {
            throw invalid(method, "has no Arm parameter: declare the arms to train, e.g. (@EarlyStopAt(fraction = 0.25) Arm eskd, Arm fullKd)");
        }
        return new ClaimPlan(method, claim, dataset.value(), seeds.value(), seeds.base(), distillation, List.copyOf(arms));
    }

    private static ArmPlan arm(Method method, Parameter p) {
        String name = p.getName();
        Student student = find(p, Student.class).or(() -> find(method, Student.class)).orElseThrow(() -> invalid(method,
                "arm '" + name + "' has no @Student: annotate the method, class or parameter with @Student(arch = \"wrn-16-1\")"));
        checkArch(method, "@Student", student.arch());
        checkEpochs(method, "@Student", student.epochs());
        boolean scratch = p.isAnnotationPresent(Scratch.class);
        EarlyStopAt stop = p.getAnnotation(EarlyStopAt.class);
        if (scratch) {
            if (stop != null) {
                throw invalid(method, "arm '" + name + "' is @Scratch and @EarlyStopAt: a scratch arm has no KD to stop; remove one");
            }
            return new ArmPlan(name, Recipe.SCRATCH, student, null, null);
        }
        Teacher teacher = find(p, Teacher.class).or(() -> find(method, Teacher.class)).orElseThrow(() -> invalid(method,
                "arm '" + name + "' is distilled but no @Teacher is given: add @Teacher(arch = \"wrn-16-3\"), or mark the arm @Scratch"));
        checkArch(method, "@Teacher", teacher.arch());
        checkEpochs(method, "@Teacher", teacher.epochs());
        if (stop != null) {
            checkStop(method, name, stop, epochsOrDefault(student.epochs()));
        }
        return new ArmPlan(name, stop == null ? Recipe.FULL_KD : Recipe.ESKD, student, teacher, stop);
    }

    static int epochsOrDefault(int annotated) {
        return annotated == 0 ? ScaleProfile.PAPER_EPOCHS : annotated;
    }

    private static void checkStop(Method method, String arm, EarlyStopAt stop, int epochs) {
        boolean byEpoch = stop.epoch() >= 0;
        boolean byFraction = stop.fraction() >= 0;
        if (byEpoch == byFraction) {
            throw invalid(method, "arm '" + arm + "' has @EarlyStopAt with " + (byEpoch ? "both" : "neither")
                    + " epoch and fraction: give exactly one, e.g. @EarlyStopAt(fraction = 0.25)");
        }
        if (byFraction && !(stop.fraction() > 0 && stop.fraction() <= 1)) {
            throw invalid(method, "arm '" + arm + "' has @EarlyStopAt(fraction = " + stop.fraction()
                    + "): the fraction must be in (0, 1]");
        }
        if (byEpoch && (stop.epoch() < 1 || stop.epoch() > epochs)) {
            throw invalid(method, "arm '" + arm + "' has @EarlyStopAt(epoch = " + stop.epoch()
                    + ") but the student trains " + epochs + " epochs: choose an epoch in 1.." + epochs);
        }
    }

    private static void checkArch(Method method, String annotation, String arch) {
        try {
            Architectures.parse(arch);
        } catch (IllegalArgumentException e) {
            throw invalid(method, annotation + "(arch = \"" + arch + "\"): " + e.getMessage());
        }
    }

    private static void checkEpochs(Method method, String annotation, int epochs) {
        if (epochs < 0) {
            throw invalid(method, annotation + "(epochs = " + epochs + "): epochs must be positive (0 = protocol default)");
        }
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

    private static ExtensionConfigurationException invalid(Method method, String problem) {
        return new ExtensionConfigurationException("Claim " + method.getDeclaringClass().getSimpleName() + "."
                + method.getName() + " " + problem);
    }
}
