package org.kdclaims.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubsetsTest {
    private final ImageDataset data = SyntheticTask.generate(20, 5, 4, 3);

    @Test
    void stratifiedDrawsNPerClassSortedAndSeeded() {
        int[] a = Subsets.stratified(data, 7, 1);
        assertThat(a).hasSize(35).isSorted().doesNotHaveDuplicates();
        assertThat(data.subset(a).classCounts()).containsOnly(7);
        assertThat(Subsets.stratified(data, 7, 1)).isEqualTo(a);
        assertThat(Subsets.stratified(data, 7, 2)).isNotEqualTo(a);
        assertThat(Subsets.stratified(data, 20, 1)).isEqualTo(IntStream.range(0, 100).toArray());
        assertThat(Subsets.stratified(data, 0, 1)).isEmpty();
    }

    @Test
    void stratifiedFailsWhenAClassIsTooSmall() {
        ImageDataset uneven = data.subset(IntStream.range(0, 95).toArray()); // class04 keeps 15
        assertThatThrownBy(() -> Subsets.stratified(uneven, 16, 1)).isInstanceOf(DataException.class)
                .hasMessageContaining("class 'class04' has 15 images, fewer than the 16");
    }

    @Test
    void trainValidationIsADisjointPartitionOfTheTrainingSet() {
        Subsets.Split s = Subsets.trainValidation(data, 4, 9);
        assertThat(s.validation().classCounts()).containsOnly(4);
        assertThat(s.train().classCounts()).containsOnly(16);
        // every image ends up in exactly one part (synthetic images are all distinct)
        Set<String> all = images(data);
        Set<String> train = images(s.train());
        Set<String> validation = images(s.validation());
        assertThat(train).doesNotContainAnyElementsOf(validation);
        train.addAll(validation);
        assertThat(train).isEqualTo(all);
        assertThat(Subsets.trainValidation(data, 4, 9).validation()).isEqualTo(s.validation());
        assertThat(Subsets.trainValidation(data, 4, 10).validation()).isNotEqualTo(s.validation());
    }

    @Test
    void trainValidationKeepsTrainingImagesInEveryClass() {
        assertThatThrownBy(() -> Subsets.trainValidation(data, 20, 1)).isInstanceOf(DataException.class)
                .hasMessageContaining("would leave none");
    }

    private static Set<String> images(ImageDataset d) {
        Set<String> set = new HashSet<>();
        byte[] image = new byte[d.imageBytes()];
        for (int i = 0; i < d.size(); i++) {
            d.copyImage(i, image, 0);
            set.add(d.label(i) + ":" + Arrays.toString(image));
        }
        return set;
    }
}
