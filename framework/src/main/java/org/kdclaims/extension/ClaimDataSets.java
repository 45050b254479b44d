package org.kdclaims.extension;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.platform.commons.support.AnnotationSupport;
import org.kdclaims.annotations.Dataset;
import org.kdclaims.annotations.ImageFolder;
import org.kdclaims.data.DataSetId;

/** The data set a claim names by its annotations, as the plan keys it. */
final class ClaimDataSets {
    private ClaimDataSets() {
    }

    /** The claim's data set; naming none, or an image folder without its setting, is a configuration error. */
    static DataSetId required(Method method) {
        try {
            return of(method).orElseThrow(() -> ClaimPlan.invalid(method, "names no data set: annotate the class or"
                    + " method with @Cifar, @FashionMnist or @ImageFolder(\"kd.x\")"));
        } catch (IllegalArgumentException e) {
            throw ClaimPlan.invalid(method, e.getMessage());
        }
    }

    /**
     * {@code @ImageFolder("kd.x")} (which carries {@code @Dataset(IMAGE_FOLDER)}, but only the
     * annotation itself knows its setting), else {@code @Cifar} or {@code @FashionMnist}, on the
     * method or its class; empty when it names none.
     */
    static Optional<DataSetId> of(AnnotatedElement element) {
        Optional<ImageFolder> folder = find(element, ImageFolder.class);
        if (folder.isPresent()) {
            String setting = folder.get().value();
            if (setting.isBlank()) {
                throw new IllegalArgumentException("@ImageFolder(\"\") names no setting: name the setting that"
                        + " holds the data set's location, e.g. @ImageFolder(\"kd.shapes\") and -Dkd.shapes=/path");
            }
            return Optional.of(DataSetId.imageFolder(setting));
        }
        return find(element, Dataset.class).map(d -> switch (d.value()) {
            case CIFAR10 -> DataSetId.CIFAR10;
            case FASHION_MNIST -> DataSetId.FASHION_MNIST;
            case IMAGE_FOLDER -> throw new IllegalArgumentException("@Dataset(IMAGE_FOLDER) names no setting:"
                    + " use @ImageFolder(\"kd.shapes\") instead");
        });
    }

    private static <A extends java.lang.annotation.Annotation> Optional<A> find(AnnotatedElement element,
            Class<A> type) {
        if (element instanceof Method m) {
            return ClaimPlan.find(m, type);
        }
        return element instanceof Class<?> c ? AnnotationSupport.findAnnotation(c, type) : Optional.empty();
    }
}
