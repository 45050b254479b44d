package org.kdclaims.training;

import org.kdclaims.data.Augmentation;
import org.kdclaims.data.ImageDataset;
import org.kdclaims.data.Normalization;

/** What a model trains and is evaluated on; {@link #describe()} goes into the model store key. */
public record TrainingData(String name, ImageDataset train, ImageDataset test, Normalization normalization,
        Augmentation augmentation) {

    public String describe() {
        return name + " train=" + train.fingerprint() + " test=" + test.fingerprint()
                + " norm=" + java.util.Arrays.toString(normalization.mean()) + "/"
                + java.util.Arrays.toString(normalization.std()) + " augment=" + augmentation;
    }
}
