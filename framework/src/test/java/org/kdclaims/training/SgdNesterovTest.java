package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The optimizer against PyTorch's SGD(nesterov=True) update rule, computed independently in
 * fixtures/golden/sgd_nesterov.py, over a trajectory that crosses a learning-rate drop.
 */
class SgdNesterovTest {
    private static JsonNode golden;

    @BeforeAll
    static void load() {
        NativeBackend.init();
        golden = Golden.read("sgd_nesterov.json");
    }


    /** lr 0.1 for steps 0-1 and 0.01 for steps 2-3, as in the fixture. */
    private static SgdNesterov optimizer(int parameters) {
        LearningRateSchedule schedule = LearningRateSchedule.step(0.1, 0.1, 4, 0.5).withStepsPerEpoch(1);
        return new SgdNesterov(schedule, golden.get("momentum").asDouble(), golden.get("weightDecay").asDouble(), parameters);
    }

    @Test
    void followsPyTorchsTrajectoryAcrossALearningRateDrop() {
        float[] p0 = Golden.floats(golden.get("params"));
        INDArray params = Nd4j.createFromArray(p0).reshape(1, p0.length);
        try (SgdNesterov sgd = optimizer(p0.length)) {
            for (int step = 0; step < 4; step++) {
                assertThat(sgd.learningRate()).isCloseTo(golden.get("learningRates").get(step).asDouble(), within(1e-12));
                float[] g = Golden.floats(golden.get("grads").get(step));
                sgd.step(params, Nd4j.createFromArray(g).reshape(1, g.length));
                float[] expected = Golden.floats(golden.get("paramsAfterEachStep").get(step));
                float[] actual = params.data().asFloat();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("step %d, parameter %d", step, i).isCloseTo(expected[i], within(1e-6f));
                }
            }
            float[] buffer = Golden.floats(golden.get("momentumBufferAtEnd"));
            float[] actual = sgd.buffer().data().asFloat();
            for (int i = 0; i < buffer.length; i++) {
                assertThat(actual[i]).isCloseTo(buffer[i], within(1e-6f));
            }
            assertThat(sgd.iteration()).isEqualTo(4);
        }
    }

    @Test
    void theStepRightAfterADecayIsSmaller() {
        // constant gradient: with the learning rate outside the buffer the step shrinks 10x at once
        INDArray params = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 1);
        double[] steps = new double[4];
        try (SgdNesterov sgd = new SgdNesterov(LearningRateSchedule.step(0.1, 0.1, 4, 0.5).withStepsPerEpoch(1), 0.9, 0, 1)) {
            for (int i = 0; i < 4; i++) {
                double before = params.getDouble(0);
                sgd.step(params, Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 1));
                steps[i] = before - params.getDouble(0);
            }
        }
        // buffer after steps: 1, 1.9, 2.71, 3.439; step = lr * (1 + 0.9 * buffer)
        assertThat(steps[1]).isCloseTo(0.1 * (1 + 0.9 * 1.9), within(1e-6));
        assertThat(steps[2]).isCloseTo(0.01 * (1 + 0.9 * 2.71), within(1e-6));
        assertThat(steps[2]).isLessThan(steps[1] / 5);
    }

    @Test
    void restoredStateContinuesTheTrajectory() {
        float[] p0 = Golden.floats(golden.get("params"));
        INDArray params = Nd4j.createFromArray(p0).reshape(1, p0.length);
        float[] buffer;
        int iteration;
        try (SgdNesterov sgd = optimizer(p0.length)) {
            for (int step = 0; step < 2; step++) {
                float[] g = Golden.floats(golden.get("grads").get(step));
                sgd.step(params, Nd4j.createFromArray(g).reshape(1, g.length));
            }
            buffer = sgd.buffer().data().asFloat();
            iteration = sgd.iteration();
        }
        try (SgdNesterov resumed = optimizer(p0.length)) {
            resumed.restore(buffer, iteration);
            for (int step = 2; step < 4; step++) {
                float[] g = Golden.floats(golden.get("grads").get(step));
                resumed.step(params, Nd4j.createFromArray(g).reshape(1, g.length));
            }
        }
        float[] expected = Golden.floats(golden.get("paramsAfterEachStep").get(3));
        float[] actual = params.data().asFloat();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-6f));
        }
    }
}
